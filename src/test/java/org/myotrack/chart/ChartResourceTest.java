package org.myotrack.chart;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myotrack.support.Api;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.myotrack.support.Api.clinician;

@QuarkusTest
class ChartResourceTest {

    long patientId;

    @BeforeEach
    void patientWithVisitsAndTherapies() {
        patientId = Api.createPatient();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> visit = Api.visitBody("2019-0" + (i + 1) + "-10");
            visit.put("mmt8", 100 + 5 * i);
            visit.put("enzymes", List.of(Map.of("test", "CK", "value", 2400 - 350 * i, "uln", 200)));
            clinician().body(visit).post("/api/patients/" + patientId + "/visits").then().statusCode(201);
        }
        Map<String, Object> prednisone = new HashMap<>(Map.of("drug", "PREDNISONE", "dose", 40, "doseUnit", "MG",
                "frequency", "DAILY", "route", "ORAL", "startDate", "2019-01-10", "endDate", "2019-03-31"));
        clinician().body(prednisone).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
        clinician().body(Map.of("drug", "METHOTREXATE", "dose", 20, "doseUnit", "MG", "frequency", "WEEKLY",
                "startDate", "2019-01-10")).post("/api/patients/" + patientId + "/therapies").then().statusCode(201);
    }

    private String chart(String format) {
        return "/api/patients/" + patientId + "/charts/trend." + format;
    }

    @Test
    void shouldDrawTrendPngAtRequestedSize() throws Exception {
        byte[] png = clinician().queryParam("width", 1000).queryParam("height", 700).get(chart("png"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(countNear(image, ChartPalette.CK.getRGB())).as("CK series pixels").isPositive();
    }

    @Test
    void shouldDrawTrendSvg() throws Exception {
        String svg = clinician().queryParam("from", "2019-02-01").get(chart("svg")).then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    }

    @Test
    void shouldRefuseAbsurdSizesAndBadDates() {
        clinician().queryParam("width", 100000).get(chart("png")).then().statusCode(400)
                .body("violations[0].field", equalTo("width"))
                .body("violations[0].message", equalTo("must be between 200 and 4000"));
        clinician().queryParam("height", 10).get(chart("png")).then().statusCode(400)
                .body("violations[0].field", equalTo("height"));
        clinician().queryParam("from", "yesterday").get(chart("svg")).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void shouldHideAnotherSitesChartAndRefuseCoordinator() {
        Api.clinicianB().get(chart("png")).then().statusCode(404).contentType("application/problem+json");
        Api.coordinator().get(chart("png")).then().statusCode(403);
    }

    static int countNear(BufferedImage image, int rgb) {
        int count = 0;
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - r) + Math.abs(((p >> 8) & 0xff) - g) + Math.abs((p & 0xff) - b) < 30) {
                    count++;
                }
            }
        }
        return count;
    }
}
