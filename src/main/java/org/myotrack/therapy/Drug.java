package org.myotrack.therapy;

/** Drug vocabulary of the registry with each drug's class (clinical.md §3). */
public enum Drug {
    PREDNISONE(DrugClass.GLUCOCORTICOID),
    PREDNISOLONE(DrugClass.GLUCOCORTICOID),
    METHYLPREDNISOLONE(DrugClass.GLUCOCORTICOID),
    DEXAMETHASONE(DrugClass.GLUCOCORTICOID),
    HYDROCORTISONE(DrugClass.GLUCOCORTICOID),
    DEFLAZACORT(DrugClass.GLUCOCORTICOID),
    METHOTREXATE(DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT),
    AZATHIOPRINE(DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT),
    MYCOPHENOLATE(DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT),
    TACROLIMUS(DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT),
    CICLOSPORIN(DrugClass.CONVENTIONAL_IMMUNOSUPPRESSANT),
    IVIG(DrugClass.IMMUNOGLOBULIN),
    SCIG(DrugClass.IMMUNOGLOBULIN),
    RITUXIMAB(DrugClass.BIOLOGIC),
    ABATACEPT(DrugClass.BIOLOGIC),
    TOCILIZUMAB(DrugClass.BIOLOGIC),
    INFLIXIMAB(DrugClass.BIOLOGIC),
    ETANERCEPT(DrugClass.BIOLOGIC),
    ADALIMUMAB(DrugClass.BIOLOGIC),
    TOFACITINIB(DrugClass.TARGETED_SYNTHETIC),
    BARICITINIB(DrugClass.TARGETED_SYNTHETIC),
    UPADACITINIB(DrugClass.TARGETED_SYNTHETIC),
    RUXOLITINIB(DrugClass.TARGETED_SYNTHETIC),
    CYCLOPHOSPHAMIDE(DrugClass.ALKYLATING),
    HYDROXYCHLOROQUINE(DrugClass.OTHER),
    REPOSITORY_CORTICOTROPIN(DrugClass.OTHER),
    /** Any drug outside the vocabulary; the therapy then names it in {@code drugName}. */
    OTHER(DrugClass.OTHER);

    private final DrugClass drugClass;

    Drug(DrugClass drugClass) {
        this.drugClass = drugClass;
    }

    public DrugClass drugClass() {
        return drugClass;
    }
}
