package studio.imgen.generate;

/** A failure decided by the app (not upstream): code for the record, message for the member. */
final class JobFailure extends RuntimeException {
    final String code;

    JobFailure(String code, String message) {
        super(message);
        this.code = code;
    }
}
