package org.myotrack.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

/** A decimal measure must be a whole multiple of its scale's step (HAQ in 0.125, VAS in 0.1 cm). */
@Documented
@Constraint(validatedBy = Step.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Step {

    /** The step, written as a decimal, e.g. {@code "0.125"}. */
    String value();

    String message() default "must be a multiple of {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link Number} against the step using exact decimal arithmetic. */
    class Validator implements ConstraintValidator<Step, Number> {
        private BigDecimal step;

        @Override
        public void initialize(Step annotation) {
            step = new BigDecimal(annotation.value());
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            double asDouble = value.doubleValue();
            if (Double.isNaN(asDouble) || Double.isInfinite(asDouble)) {
                return false;
            }
            return new BigDecimal(value.toString()).remainder(step).signum() == 0;
        }
    }
}
