package org.myotrack.demo;

/** Clinical story a synthetic patient follows, each exercising the registry's rules (clinical.md §4–§6). */
public enum Archetype {
    /** Improves quickly on prednisone and methotrexate, tapers to 5 mg within six months, moderate or better TIS. */
    RESPONDER,
    /** Still active after over 12 weeks of prednisone with methotrexate or azathioprine, then mycophenolate. */
    ACTIVE_ON_TWO_AGENTS,
    /** Early response, then MMT-8 stays low for 3 years or more with normal enzymes and fat or atrophy on MRI. */
    DAMAGE_WITH_NORMAL_CK,
    /** Necrotising or anti-synthetase myositis whose CK stays above the upper limit while strength recovers. */
    CK_HIGH_WHILE_STRONGER,
    /** Polymyositis with onset at 45 or later, a biopsy without inflammation, and two failed immunosuppressants. */
    BIOPSY_WITHOUT_INFLAMMATION,
    /** Methotrexate fails, azathioprine is not tolerated, mycophenolate follows, then rituximab brings control. */
    MULTIPLE_AGENT_FAILURE,
    /** Flares whenever prednisone is tapered below 10 mg, so it stays at 10 mg or more beyond six months. */
    STEROID_DEPENDENT,
    /** A good start, then two consecutive visits meeting the IMACS definition of worsening, then escalation. */
    WORSENING,
    /** Juvenile dermatomyositis with onset at 5 to 15 years that responds to pulses, prednisone and methotrexate. */
    JUVENILE_RESPONDER,
    /** Inclusion body myositis with onset at 50 or later: slow loss of strength, mildly raised CK, rimmed vacuoles. */
    IBM_SLOW_DECLINE,
    /** Juvenile dermatomyositis followed by CMAS and weight alone, kept on prednisolone 0.25 mg/kg beyond six months. */
    JUVENILE_DEPENDENT_PER_KG,
    /** Skin-predominant dermatomyositis whose muscles recover while the CDASI stays 15 or more on two agents. */
    SKIN_PREDOMINANT,
    /** Recorded as polymyositis, but onset after 45, CK at most 15 × ULN and finger-flexor weakness: ENMC IBM. */
    POLYMYOSITIS_MEETING_IBM_CRITERIA,
    /** Anti-HMGCR necrotising myopathy after a statin, which responds to prednisone, methotrexate and IVIG. */
    STATIN_EXPOSED_HMGCR,
    /** Long in remission on little or no therapy: globals wander between 0 and under 1 cm, HAQ 0 or 0.125. */
    REMISSION_WITH_NOISE,
    /** Near remission on 7.5 mg prednisone or less by six months; methotrexate then added only to spare steroids. */
    STEROID_SPARING_METHOTREXATE
}
