package org.myotrack.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.myotrack.patient.PatientView;

/**
 * The page templates ({@code src/main/resources/templates/<name>.html}), checked against these parameters when
 * the application is built, so a misspelt field fails the build instead of a page.
 */
@CheckedTemplate
public final class Pages {

    private Pages() {
    }

    static native TemplateInstance login(Frame frame, boolean failed, boolean expired, boolean signedOut, Long heldBack,
                                         String action);

    static native TemplateInstance error(Frame frame, int status, String heading, String detail);

    static native TemplateInstance clinic(Frame frame, ClinicPages.PatientList list);

    static native TemplateInstance patientForm(Frame frame, FormState form, String siteCode, int antibodyRows);

    static native TemplateInstance patient(Frame frame, PatientPages.PatientPage page);

    static native TemplateInstance visitForm(Frame frame, VisitPages.VisitSheet sheet, FormState form);

    static native TemplateInstance therapyForm(Frame frame, PatientView patient, FormState form);

    static native TemplateInstance investigationForm(Frame frame, PatientView patient, FormState form);

    static native TemplateInstance cohort(Frame frame, CohortPages.CohortView view, FormState form);
}
