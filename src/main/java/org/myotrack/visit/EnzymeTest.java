package org.myotrack.visit;

/** Muscle enzymes of the IMACS core set (clinical.md §2), with their LOINC codes for export (clinical.md §1). */
public enum EnzymeTest {
    CK("2157-6"), ALDOLASE("1761-6"), LDH("2532-0"), AST("1920-8"), ALT("1742-6");

    private final String loinc;

    EnzymeTest(String loinc) {
        this.loinc = loinc;
    }

    /** LOINC code of the serum/plasma activity test (system http://loinc.org). */
    public String loinc() {
        return loinc;
    }
}
