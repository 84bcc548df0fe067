package care.iop.session.notes.rest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import care.iop.session.domain.TherapySession;
import care.iop.session.notes.domain.NoteAddendum;
import care.iop.session.notes.domain.NoteFormat;
import care.iop.session.notes.domain.NoteStatus;
import care.iop.session.notes.domain.ProgressNote;
import care.iop.session.notes.service.NoteDeadlines;
import care.iop.session.service.SessionEvents;

/** Notes and addenda as the API shows them (times with the program time zone's offset). */
@ApplicationScoped
public class NoteMapper {

    @Inject
    SessionEvents time;

    @Inject
    NoteDeadlines deadlines;

    public NoteViews.NoteView view(TherapySession session, ProgressNote n, List<NoteAddendum> addenda) {
        NoteContent.Dap dap = n.format == NoteFormat.DAP ? new NoteContent.Dap(n.data, n.assessment, n.plan) : null;
        NoteContent.Birp birp = n.format == NoteFormat.BIRP ? new NoteContent.Birp(n.behaviour, n.intervention, n.response, n.plan) : null;
        NoteViews.EnteredInError error = n.status == NoteStatus.ENTERED_IN_ERROR
                ? new NoteViews.EnteredInError(local(n.enteredInErrorAt), n.enteredInErrorBy, n.enteredInErrorReason, n.statusBeforeError)
                : null;
        return new NoteViews.NoteView(n.id, n.sessionId, session.type.name(), n.patientId, n.kind, n.format, n.status, dap, birp,
                list(n.objectiveIds), n.authorSubject, n.authorClinicianId, local(n.createdAt), local(n.updatedAt),
                local(deadlines.dueAt(session)), signature(n.signedBy, n.signerCredentials, n.signedAt),
                signature(n.cosignedBy, n.cosignerCredentials, n.cosignedAt), local(n.lockedAt), error,
                addenda.stream().map(this::addendum).toList(), n.version);
    }

    public NoteViews.Addendum addendum(NoteAddendum a) {
        return new NoteViews.Addendum(a.number, a.text, a.status, a.authorSubject, a.authorClinicianId, local(a.createdAt),
                signature(a.signedAt == null ? null : a.authorClinicianId, a.signerCredentials, a.signedAt),
                signature(a.cosignedBy, a.cosignerCredentials, a.cosignedAt));
    }

    private NoteViews.Signature signature(UUID clinicianId, String[] credentials, OffsetDateTime at) {
        return clinicianId == null ? null : new NoteViews.Signature(clinicianId, list(credentials), local(at));
    }

    private OffsetDateTime local(OffsetDateTime instant) {
        return time.local(instant);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
