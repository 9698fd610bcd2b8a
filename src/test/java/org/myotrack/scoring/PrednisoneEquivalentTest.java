package org.myotrack.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.myotrack.therapy.DoseUnit;
import org.myotrack.therapy.Drug;
import org.myotrack.therapy.DrugClass;
import org.myotrack.therapy.Frequency;
import org.myotrack.therapy.Route;

class PrednisoneEquivalentTest {

    @ParameterizedTest(name = "{0} {1} mg daily is {2} mg prednisone")
    @CsvSource({
        "PREDNISONE, 10, 10",
        "PREDNISOLONE, 10, 10",
        "METHYLPREDNISOLONE, 16, 20",
        "DEXAMETHASONE, 4, 26.68",
        "HYDROCORTISONE, 20, 5",
        "DEFLAZACORT, 30, 24.9",
    })
    void shouldConvertEachGlucocorticoidToPrednisoneEquivalent(Drug drug, double doseMg, double expected) {
        assertThat(PrednisoneEquivalent.dailyDoseMg(drug, doseMg, DoseUnit.MG, Frequency.DAILY, Route.ORAL).getAsDouble())
                .isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} has no prednisone equivalent")
    @EnumSource(Drug.class)
    void shouldGiveNoEquivalentForDrugsThatAreNotGlucocorticoids(Drug drug) {
        boolean glucocorticoid = drug.drugClass() == DrugClass.GLUCOCORTICOID;

        assertThat(PrednisoneEquivalent.potency(drug).isPresent()).isEqualTo(glucocorticoid);
        assertThat(PrednisoneEquivalent.dailyDoseMg(drug, 10.0, DoseUnit.MG, Frequency.DAILY, Route.ORAL).isPresent())
                .isEqualTo(glucocorticoid);
    }

    @ParameterizedTest(name = "prednisone {0} mg {1} is {2} mg a day")
    @CsvSource({
        "20, DAILY, 20",
        "10, TWICE_DAILY, 20",
        "70, WEEKLY, 10",
        "35, TWICE_WEEKLY, 10",
        "140, EVERY_2_WEEKS, 10",
        "280, EVERY_4_WEEKS, 10",
        "304.375, MONTHLY, 10",
        "1826.25, EVERY_6_MONTHS, 10",
    })
    void shouldSpreadIntermittentDosesOverTheirInterval(double doseMg, Frequency frequency, double expected) {
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, doseMg, DoseUnit.MG, frequency, Route.ORAL).getAsDouble())
                .isCloseTo(expected, within(1e-9));
    }

    @Test
    void shouldConvertWeeklyIntramuscularMethylprednisolone() {
        assertThat(PrednisoneEquivalent.dailyDoseMg(
                        Drug.METHYLPREDNISOLONE, 80.0, DoseUnit.MG, Frequency.WEEKLY, Route.IM).getAsDouble())
                .isCloseTo(100.0 / 7, within(1e-9));
    }

    @Test
    void shouldGiveNoDailyDoseForASingleDose() {
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, 40.0, DoseUnit.MG, Frequency.ONCE, Route.ORAL))
                .isEmpty();
    }

    @ParameterizedTest(name = "IV {0} {1} {2} is a pulse")
    @CsvSource({
        "METHYLPREDNISOLONE, 1000, MG",
        "METHYLPREDNISOLONE, 500, MG",
        "METHYLPREDNISOLONE, 1, G",
        "METHYLPREDNISOLONE, 250, MG",
        "METHYLPREDNISOLONE, 200, MG",
        "DEXAMETHASONE, 40, MG",
        "PREDNISOLONE, 250, MG",
    })
    void shouldExcludeIntravenousPulseFromDailyDose(Drug drug, double dose, DoseUnit unit) {
        assertThat(PrednisoneEquivalent.isPulse(drug, dose, unit, Route.IV, null)).isTrue();
        assertThat(PrednisoneEquivalent.dailyDoseMg(drug, dose, unit, Frequency.DAILY, Route.IV)).isEmpty();
    }

    @Test
    void shouldKeepIntravenousDoseJustBelowPulseOnTheCurve() {
        // 199 mg methylprednisolone is 248.75 mg prednisone, under the 250 mg pulse threshold
        assertThat(PrednisoneEquivalent.isPulse(Drug.METHYLPREDNISOLONE, 199.0, DoseUnit.MG, Route.IV, null)).isFalse();
        assertThat(PrednisoneEquivalent.dailyDoseMg(
                        Drug.METHYLPREDNISOLONE, 199.0, DoseUnit.MG, Frequency.DAILY, Route.IV).getAsDouble())
                .isCloseTo(248.75, within(1e-9));
    }

    @Test
    void shouldNotCallAnOralDoseAPulse() {
        assertThat(PrednisoneEquivalent.isPulse(Drug.PREDNISONE, 300.0, DoseUnit.MG, Route.ORAL, null)).isFalse();
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, 300.0, DoseUnit.MG, Frequency.DAILY, Route.ORAL))
                .hasValue(300);
    }

    @Test
    void shouldExcludeWeightBasedPulseWhenWeightIsKnown() {
        // 15 mg/kg methylprednisolone for 60 kg is 900 mg
        assertThat(PrednisoneEquivalent.isPulse(Drug.METHYLPREDNISOLONE, 15.0, DoseUnit.MG_PER_KG, Route.IV, 60.0))
                .isTrue();
        assertThat(PrednisoneEquivalent.dailyDoseMg(
                        Drug.METHYLPREDNISOLONE, 15.0, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.IV, 60.0))
                .isEmpty();
    }

    @Test
    void shouldConvertGramsToMilligrams() {
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, 0.05, DoseUnit.G, Frequency.DAILY, Route.ORAL))
                .hasValue(50);
    }

    @Test
    void shouldConvertDosePerKilogramWithBodyWeight() {
        assertThat(PrednisoneEquivalent.dailyDoseMg(
                        Drug.PREDNISONE, 1.0, DoseUnit.MG_PER_KG, Frequency.DAILY, Route.ORAL, 60.0))
                .hasValue(60);
    }

    @ParameterizedTest(name = "{0} without body weight gives no daily dose")
    @EnumSource(value = DoseUnit.class, names = {"MG_PER_KG", "G_PER_KG", "MG_PER_M2", "UNITS"})
    void shouldGiveNoDailyDoseWithoutWhatTheUnitNeeds(DoseUnit unit) {
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, 1.0, unit, Frequency.DAILY, Route.ORAL)).isEmpty();
    }

    @Test
    void shouldGiveNoDailyDoseWithoutDose() {
        assertThat(PrednisoneEquivalent.dailyDoseMg(Drug.PREDNISONE, null, DoseUnit.MG, Frequency.DAILY, Route.ORAL))
                .isEmpty();
    }
}
