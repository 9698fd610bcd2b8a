package org.myotrack.importing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.myotrack.audit.AuditedEntity;
import org.myotrack.common.Violation;
import org.myotrack.refractory.AddedRecords;
import org.myotrack.visit.EnzymeEntry;
import org.myotrack.visit.EnzymeTest;
import org.myotrack.visit.Visit;
import org.myotrack.visit.VisitRepository;
import org.myotrack.visit.VisitRequest;
import org.myotrack.visit.VisitService;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Visits from CSV: one visit per row, with the scalar fields of the visit request as columns and, per enzyme, a value
 * column and a ULN column ({@code ck}, {@code ckUln}, …; the unit is U/L as for a JSON visit sent without one). The
 * yes/no findings ({@code dysphagia}, {@code fingerFlexorWeakness}, {@code quadricepsWeakness}) take true or false
 * (yes or no also, as clinic spreadsheets write them); an empty cell is "not recorded". A patient has one visit per
 * date.
 */
@ApplicationScoped
class VisitImport implements RecordImport<VisitRequest, Visit> {

    private static final List<String> DECIMAL_FIELDS = List.of("physicianGlobalActivity", "patientGlobalActivity", "haq",
            "extramuscularActivity", "physicianGlobalDamage", "patientGlobalDamage", "mdiSeverity", "sf36Pcs", "sf36Mcs",
            "functionalIndex", "bodyWeightKg");
    private static final List<String> WHOLE_FIELDS = List.of("mmt8", "cmas", "mdiExtent", "cdasiActivity");
    private static final Pattern ENZYME_FIELD = Pattern.compile("enzymes\\[(\\d+)]\\.(\\w+)");

    private static final ImportColumns COLUMNS = new ImportColumns(columnNames(), List.of("visitDate"),
            List.of(FileImport.PATIENT_ID, FileImport.EXTERNAL_ID));

    @Inject
    VisitService service;

    @Inject
    VisitRepository visits;

    @Inject
    Validator validator;

    /** What each numeric column takes, worded once from the request records' constraints. */
    private final Map<String, String> requirements = new HashMap<>();

    @PostConstruct
    void describeColumns() {
        for (String field : DECIMAL_FIELDS) {
            requirements.put(field, RowReader.numberRequirement(validator, VisitRequest.class, field, false));
        }
        for (String field : WHOLE_FIELDS) {
            requirements.put(field, RowReader.numberRequirement(validator, VisitRequest.class, field, true));
        }
        requirements.put("mmt8Max", "must be " + VisitService.MMT8_SCALES.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(" or ")));
        String value = RowReader.numberRequirement(validator, EnzymeEntry.class, "value", false);
        String uln = RowReader.numberRequirement(validator, EnzymeEntry.class, "uln", false);
        for (EnzymeTest test : EnzymeTest.values()) {
            requirements.put(valueColumn(test), value);
            requirements.put(ulnColumn(test), uln);
        }
    }

    @Override
    public ImportColumns columns() {
        return COLUMNS;
    }

    @Override
    public AuditedEntity audited() {
        return AuditedEntity.VISIT;
    }

    @Override
    public VisitRequest read(RowReader cells) {
        LocalDate visitDate = cells.date("visitDate");
        Double physicianGlobalActivity = decimal(cells, "physicianGlobalActivity");
        Double patientGlobalActivity = decimal(cells, "patientGlobalActivity");
        Integer mmt8 = whole(cells, "mmt8");
        Integer mmt8Max = whole(cells, "mmt8Max");
        Integer cmas = whole(cells, "cmas");
        Double haq = decimal(cells, "haq");
        Double extramuscularActivity = decimal(cells, "extramuscularActivity");
        Double physicianGlobalDamage = decimal(cells, "physicianGlobalDamage");
        Double patientGlobalDamage = decimal(cells, "patientGlobalDamage");
        Integer mdiExtent = whole(cells, "mdiExtent");
        Double mdiSeverity = decimal(cells, "mdiSeverity");
        Double sf36Pcs = decimal(cells, "sf36Pcs");
        Double sf36Mcs = decimal(cells, "sf36Mcs");
        Double functionalIndex = decimal(cells, "functionalIndex");
        Double bodyWeightKg = decimal(cells, "bodyWeightKg");
        Integer cdasiActivity = whole(cells, "cdasiActivity");
        Boolean dysphagia = cells.yesNo("dysphagia");
        Boolean fingerFlexorWeakness = cells.yesNo("fingerFlexorWeakness");
        Boolean quadricepsWeakness = cells.yesNo("quadricepsWeakness");
        List<EnzymeEntry> enzymes = new ArrayList<>(2);
        for (EnzymeTest test : EnzymeTest.values()) {
            Double value = decimal(cells, valueColumn(test));
            Double uln = decimal(cells, ulnColumn(test));
            // A value without its ULN (or the reverse) goes into the request as it is, for the entry's own
            // validation to refuse as it refuses it in JSON.
            if (value != null || uln != null) {
                enzymes.add(new EnzymeEntry(test, value, uln, null));
            }
        }
        return new VisitRequest(visitDate, physicianGlobalActivity, patientGlobalActivity, mmt8, mmt8Max, cmas, haq,
                extramuscularActivity, enzymes.isEmpty() ? null : enzymes, physicianGlobalDamage, patientGlobalDamage,
                mdiExtent, mdiSeverity, sf36Pcs, sf36Mcs, functionalIndex, bodyWeightKg, cdasiActivity, dysphagia,
                fingerFlexorWeakness, quadricepsWeakness, cells.text("notes"), null);
    }

    private Double decimal(RowReader cells, String column) {
        return cells.number(column, requirements.get(column));
    }

    private Integer whole(RowReader cells, String column) {
        return cells.wholeNumber(column, requirements.get(column));
    }

    @Override
    public String columnOf(String field, VisitRequest request) {
        Matcher enzyme = ENZYME_FIELD.matcher(field);
        if (enzyme.matches()) {
            EnzymeTest test = request.enzymes().get(Integer.parseInt(enzyme.group(1))).test();
            return enzyme.group(2).equals("uln") ? ulnColumn(test) : valueColumn(test);
        }
        return COLUMNS.known().contains(field) ? field : null;
    }

    @Override
    public List<Violation> check(LocalDate birthDate, VisitRequest request) {
        return service.validate(birthDate, request).list();
    }

    @Override
    public Object requestKey(VisitRequest request) {
        return request.visitDate();
    }

    @Override
    public Object storedKey(Visit stored) {
        return stored.visitDate;
    }

    @Override
    public String keyColumn() {
        return "visitDate";
    }

    @Override
    public String repeatMessage(VisitRequest request, int earlierRow) {
        return "row " + earlierRow + " already has this patient's visit on " + request.visitDate()
                + ": one visit per patient and date";
    }

    @Override
    public String conflictMessage(VisitRequest request) {
        return "a visit on " + request.visitDate() + " is already recorded with other values; edit it instead";
    }

    @Override
    public List<StoredKey> storedKeys(Collection<Long> patientIds) {
        return visits.listLiveDates(patientIds).stream()
                .map(dated -> new StoredKey(dated.visitId(), dated.patientId(), dated.visitDate())).toList();
    }

    @Override
    public List<Visit> loadStored(Collection<Long> ids) {
        return visits.listLiveWithEnzymes(ids);
    }

    @Override
    public long patientIdOf(Visit record) {
        return record.patientId;
    }

    @Override
    public Visit create(long patientId, VisitRequest request, Instant now) {
        return service.newVisit(patientId, request, now);
    }

    @Override
    public boolean sameRecord(Visit stored, Visit created) {
        return stored.recordsSameAs(created);
    }

    @Override
    public void insertAll(List<Visit> created) {
        visits.insertAll(created);
    }

    @Override
    public long idOf(Visit record) {
        return record.id;
    }

    @Override
    public Object viewOf(Visit record) {
        return service.toView(record);
    }

    @Override
    public AddedRecords added(Map<Long, List<Long>> idsByPatient) {
        return AddedRecords.visits(idsByPatient);
    }

    /** The value column of an enzyme: {@code ck}, {@code aldolase}, {@code ldh}, {@code ast}, {@code alt}. */
    static String valueColumn(EnzymeTest test) {
        return test.name().toLowerCase(Locale.ROOT);
    }

    /** The column of the lab's upper limit of normal for the enzyme: {@code ckUln}, … */
    static String ulnColumn(EnzymeTest test) {
        return valueColumn(test) + "Uln";
    }

    private static List<String> columnNames() {
        List<String> names = new ArrayList<>(List.of(FileImport.PATIENT_ID, FileImport.EXTERNAL_ID, "visitDate",
                "physicianGlobalActivity", "patientGlobalActivity", "mmt8", "mmt8Max", "cmas", "haq",
                "extramuscularActivity", "physicianGlobalDamage", "patientGlobalDamage", "mdiExtent", "mdiSeverity",
                "sf36Pcs", "sf36Mcs", "functionalIndex", "bodyWeightKg", "cdasiActivity", "dysphagia",
                "fingerFlexorWeakness", "quadricepsWeakness", "notes"));
        for (EnzymeTest test : EnzymeTest.values()) {
            names.add(valueColumn(test));
            names.add(ulnColumn(test));
        }
        return names;
    }
}
