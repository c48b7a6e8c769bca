package studio.imgen.access;

import studio.imgen.base.UserInputException;

/** A refusal thrown where a caller prefers exceptions; the message is the member-facing sentence. */
public class AccessRefusedException extends UserInputException {

    private final transient Refusal refusal;

    public AccessRefusedException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
