package org.myotrack.importing;

import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import org.hibernate.validator.constraints.Range;
import org.myotrack.common.RowViolation;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the cells of one row as typed values. A cell that is not of its column's type is refused with what the column
 * takes and read as empty, so the row's other cells are still checked; the refusals of the rules themselves come
 * later, from the request record's own Bean Validation and the service's checks.
 */
final class RowReader {

    private final CsvRow row;
    private final List<RowViolation> refusals;
    private final Set<String> unreadable = new HashSet<>(4);

    RowReader(CsvRow row, List<RowViolation> refusals) {
        this.row = row;
        this.refusals = refusals;
    }

    /** Text as sent, or null for an empty cell. */
    String text(String column) {
        return row.cell(column);
    }

    /** An identifier, without the spaces a spreadsheet may leave around it. */
    String identifier(String column) {
        String cell = row.cell(column);
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    Integer wholeNumber(String column, String requirement) {
        BigDecimal number = decimal(column, requirement);
        if (number == null) {
            return null;
        }
        try {
            return number.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException notWhole) {
            return refuse(column, requirement);
        }
    }

    Long registryId(String column) {
        String requirement = "must be the patient's registry id, a whole number";
        BigDecimal number = decimal(column, requirement);
        if (number == null) {
            return null;
        }
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException notWhole) {
            return refuse(column, requirement);
        }
    }

    Double number(String column, String requirement) {
        BigDecimal number = decimal(column, requirement);
        return number == null ? null : number.doubleValue();
    }

    LocalDate date(String column) {
        String cell = identifier(column);
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException notADate) {
            return refuse(column, "must be a date written YYYY-MM-DD, e.g. 2024-03-01");
        }
    }

    /** What a yes/no column takes, for the refusal of any other text. */
    static final String YES_NO_REQUIREMENT = "must be true or false (yes or no also accepted); leave it empty when not recorded";

    /**
     * A yes/no finding: {@code true}/{@code false} as the exports write them, or {@code yes}/{@code no}, in any case.
     * Anything else ({@code 1}, {@code y}, {@code unknown} …) is refused rather than guessed: a wrong yes feeds a rule.
     */
    Boolean yesNo(String column) {
        String cell = identifier(column);
        if (cell == null) {
            return null;
        }
        return switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> refuse(column, YES_NO_REQUIREMENT);
        };
    }

    <E extends Enum<E>> E choice(String column, Class<E> vocabulary) {
        String cell = identifier(column);
        if (cell == null) {
            return null;
        }
        for (E value : vocabulary.getEnumConstants()) {
            if (value.name().equals(cell)) {
                return value;
            }
        }
        return refuse(column, "must be one of " + Arrays.stream(vocabulary.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")));
    }

    /** Whether the column's cell was of its type (or empty): only then do the rules judge it. */
    boolean isReadable(String column) {
        return !unreadable.contains(column);
    }

    boolean allReadable() {
        return unreadable.isEmpty();
    }

    private BigDecimal decimal(String column, String requirement) {
        String cell = identifier(column);
        if (cell == null) {
            return null;
        }
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException notANumber) {
            return refuse(column, requirement);
        }
    }

    private <T> T refuse(String column, String message) {
        unreadable.add(column);
        refusals.add(new RowViolation(row.number(), column, CsvTable.shown(row.cell(column)), message));
        return null;
    }

    /**
     * What a numeric column takes, worded from the constraints the request record itself declares on the field (its
     * {@code @Range}, {@code @DecimalMax}, {@code @PositiveOrZero} …), so the refusal of an unreadable number names the
     * same range as the refusal of a number outside it: "must be a whole number between 0 and 150".
     */
    static String numberRequirement(Validator validator, Class<?> type, String property, boolean whole) {
        String kind = whole ? "must be a whole number" : "must be a number";
        PropertyDescriptor constraints = validator.getConstraintsForClass(type).getConstraintsForProperty(property);
        if (constraints == null) {
            return kind;
        }
        BigDecimal lower = null;
        boolean lowerInclusive = true;
        BigDecimal upper = null;
        for (ConstraintDescriptor<?> descriptor : constraints.getConstraintDescriptors()) {
            Annotation annotation = descriptor.getAnnotation();
            if (annotation instanceof Range range) {
                lower = BigDecimal.valueOf(range.min());
                upper = BigDecimal.valueOf(range.max());
            } else if (annotation instanceof Min min) {
                lower = BigDecimal.valueOf(min.value());
            } else if (annotation instanceof Max max) {
                upper = BigDecimal.valueOf(max.value());
            } else if (annotation instanceof DecimalMin min) {
                lower = new BigDecimal(min.value());
                lowerInclusive = min.inclusive();
            } else if (annotation instanceof DecimalMax max) {
                upper = new BigDecimal(max.value());
            } else if (annotation instanceof PositiveOrZero) {
                lower = BigDecimal.ZERO;
            } else if (annotation instanceof Positive) {
                lower = BigDecimal.ZERO;
                lowerInclusive = false;
            }
        }
        if (lower != null && upper != null) {
            return lowerInclusive ? kind + " between " + plain(lower) + " and " + plain(upper)
                    : kind + " greater than " + plain(lower) + " and at most " + plain(upper);
        }
        if (lower != null) {
            return lowerInclusive ? kind + ", " + plain(lower) + " or more" : kind + " greater than " + plain(lower);
        }
        return upper != null ? kind + ", at most " + plain(upper) : kind;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
