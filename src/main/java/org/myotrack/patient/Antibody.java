package org.myotrack.patient;

/** Myositis-specific (MSA) and myositis-associated (MAA) autoantibodies (clinical.md §1). */
public enum Antibody {
    JO1(true), PL7(true), PL12(true), EJ(true), OJ(true), KS(true), ZO(true), HA(true),
    MI2(true), MDA5(true), TIF1G(true), NXP2(true), SAE(true), SRP(true), HMGCR(true), CN1A(true),
    RO52(false), RO60(false), LA(false), PMSCL75(false), PMSCL100(false), KU(false), U1RNP(false),
    U3RNP(false), THTO(false);

    private final boolean myositisSpecific;

    Antibody(boolean myositisSpecific) {
        this.myositisSpecific = myositisSpecific;
    }

    public boolean isMyositisSpecific() {
        return myositisSpecific;
    }
}
