package org.myotrack.cohort;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myotrack.support.Api;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CohortChartResourceTest {

    @ParameterizedTest
    @ValueSource(strings = {"response-over-time", "refractory-by-antibody", "therapy-swimmer"})
    void shouldDrawEachCohortChartForCoordinator(String name) throws Exception {
        byte[] png = Api.coordinator().queryParam("width", 900).queryParam("height", 600)
                .get("/api/cohort/charts/" + name + ".png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void shouldApplyCohortFiltersAndRefuseUnknownValues() {
        Api.coordinator().queryParam("diagnosis", "DM").queryParam("refractory", "true")
                .get("/api/cohort/charts/therapy-swimmer.png").then().statusCode(200);
        Api.coordinator().queryParam("flag", "NOT_A_FLAG").get("/api/cohort/charts/therapy-swimmer.png").then()
                .statusCode(400).body("violations[0].field", equalTo("flag"));
        Api.coordinator().get("/api/cohort/charts/pie.png").then().statusCode(404);
    }

    @Test
    void shouldKeepCohortChartsFromClinicians() {
        Api.clinician().get("/api/cohort/charts/response-over-time.png").then().statusCode(403);
    }
}
