package care.iop.participant.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date whose year lies in {@code from..to} (inclusive): extreme dates such as {@code -10000-01-01} or
 * {@code +999999999-12-31} parse as ISO dates but cannot be stored (or mean nothing); they are a 400 naming the field.
 */
@Documented
@Constraint(validatedBy = Years.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Years {
    int from() default 1900;

    int to() default 9999;

    String message() default "must be a date in the years {from} to {to}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Years, LocalDate> {
        private int from;
        private int to;

        @Override
        public void initialize(Years years) {
            from = years.from();
            to = years.to();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || value.getYear() >= from && value.getYear() <= to;
        }
    }
}
