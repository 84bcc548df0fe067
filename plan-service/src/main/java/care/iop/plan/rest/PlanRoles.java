package care.iop.plan.rest;

import care.iop.platform.security.Roles;

/**
 * Who may do what with plans: clinicians (and admins) write; schedulers read without the clinical content (no
 * reviews); integrations (outside the program) read, a Part 2 patient's records only with consent; patients read
 * their own.
 */
final class PlanRoles {
    static final String CLINICIAN = Roles.CLINICIAN;
    static final String ADMIN = Roles.ADMIN;
    static final String SCHEDULER = Roles.SCHEDULER;
    static final String INTEGRATION = Roles.INTEGRATION;
    static final String PATIENT = Roles.PATIENT;

    private PlanRoles() {
    }
}
