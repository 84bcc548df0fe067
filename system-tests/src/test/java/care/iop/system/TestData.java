package care.iop.system;

/** Values the system tests make up. */
final class TestData {
    private TestData() {
    }

    /** A valid, random NPI: nine digits and the Luhn check digit computed with the 80840 prefix. */
    static String npi() {
        String base = String.valueOf(100_000_000 + (long) (Math.random() * 800_000_000L));
        String digits = "80840" + base;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return base + (10 - sum % 10) % 10;
    }
}
