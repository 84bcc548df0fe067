package care.iop.fhir;

/** The SMART v2 permissions (create, read, update, delete, search), each a letter of a scope such as {@code Patient.rs}. */
public enum Interaction {
    CREATE('c'), READ('r'), UPDATE('u'), DELETE('d'), SEARCH('s');

    private final char letter;

    Interaction(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
