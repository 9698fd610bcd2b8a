package org.myotrack.scoring;

import java.util.ArrayList;
import java.util.List;
import org.myotrack.visit.EnzymeTest;

/** Builds the core-set measures of one test visit, leaving out whatever a test does not set. */
final class CoreSetBuilder {

    private Double physicianGlobalActivity;
    private Double patientGlobalActivity;
    private Integer mmt8;
    private Integer mmt8Max;
    private Integer cmas;
    private Double haq;
    private Double extramuscularActivity;
    private final List<EnzymeLevel> enzymes = new ArrayList<>();

    static CoreSetBuilder coreSet() {
        return new CoreSetBuilder();
    }

    /** Baseline of the worked example of clinical.md §4. */
    static CoreSetBuilder workedExampleBaseline() {
        return coreSet().physicianGlobal(6).patientGlobal(7).mmt8(120, 150).haq(1.5).extramuscular(4)
                .enzyme(EnzymeTest.CK, 2400, 200);
    }

    /** Follow-up of the worked example of clinical.md §4. */
    static CoreSetBuilder workedExampleFollowUp() {
        return coreSet().physicianGlobal(3).patientGlobal(5).mmt8(132, 150).haq(1.125).extramuscular(2)
                .enzyme(EnzymeTest.CK, 600, 200);
    }

    /** A visit with every one of the six measures, for tests that vary one or two of them. */
    static CoreSetBuilder completeVisit() {
        return coreSet().physicianGlobal(5).patientGlobal(5).mmt8(100, 150).haq(1).extramuscular(5)
                .enzyme(EnzymeTest.CK, 1000, 200);
    }

    CoreSetBuilder physicianGlobal(Double value) {
        physicianGlobalActivity = value;
        return this;
    }

    CoreSetBuilder physicianGlobal(double value) {
        return physicianGlobal(Double.valueOf(value));
    }

    CoreSetBuilder patientGlobal(Double value) {
        patientGlobalActivity = value;
        return this;
    }

    CoreSetBuilder patientGlobal(double value) {
        return patientGlobal(Double.valueOf(value));
    }

    CoreSetBuilder mmt8(Integer total, Integer scaleMaximum) {
        mmt8 = total;
        mmt8Max = scaleMaximum;
        return this;
    }

    CoreSetBuilder withoutMmt8() {
        return mmt8(null, null);
    }

    CoreSetBuilder cmas(Integer total) {
        cmas = total;
        return this;
    }

    CoreSetBuilder haq(Double value) {
        haq = value;
        return this;
    }

    CoreSetBuilder haq(double value) {
        return haq(Double.valueOf(value));
    }

    CoreSetBuilder extramuscular(Double value) {
        extramuscularActivity = value;
        return this;
    }

    CoreSetBuilder extramuscular(double value) {
        return extramuscular(Double.valueOf(value));
    }

    CoreSetBuilder enzyme(EnzymeTest test, double value, double uln) {
        enzymes.add(new EnzymeLevel(test, value, uln));
        return this;
    }

    CoreSetBuilder withoutEnzymes() {
        enzymes.clear();
        return this;
    }

    CoreSetMeasures build() {
        return new CoreSetMeasures(physicianGlobalActivity, patientGlobalActivity, mmt8, mmt8Max, cmas, haq,
                extramuscularActivity, enzymes);
    }
}
