package studio.imgen.audit;

/** The Action filter of the audit log: what kind of event to show. */
public enum AuditAction {
    GENERATIONS("Generations (all)"),
    GENERATE("Generate"),
    EDIT("Edit"),
    LOGINS("Logins"),
    ADMIN_CHANGES("Admin changes");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
