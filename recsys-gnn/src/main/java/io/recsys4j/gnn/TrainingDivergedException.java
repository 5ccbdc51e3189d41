package io.recsys4j.gnn;

/** Training produced a NaN or infinite loss; the model is not usable. */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message saying where training diverged. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
