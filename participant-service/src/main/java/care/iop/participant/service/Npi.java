package care.iop.participant.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A National Provider Identifier: 10 digits whose last is the Luhn check digit of {@code 80840} + the first 9. */
@Documented
@Constraint(validatedBy = Npi.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Npi {
    String message() default "must be a 10-digit NPI with a valid check digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Npi, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidNpi(value);
        }

        /** The NPI check-digit rule (CMS): Luhn over the 15 digits {@code 80840} + NPI. */
        public static boolean isValidNpi(String npi) {
            if (npi == null || !npi.matches("[0-9]{10}")) {
                return false;
            }
            String digits = "80840" + npi;
            int sum = 0;
            boolean doubleIt = false;
            for (int i = digits.length() - 1; i >= 0; i--) {
                int d = digits.charAt(i) - '0';
                if (doubleIt) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                doubleIt = !doubleIt;
            }
            return sum % 10 == 0;
        }
    }
}
