package io.mailwarden.actions;

/** What became of one planned step. */
public enum StepOutcome {
    /** Carried out. */
    DONE,
    /** Only logged: the run is a dry run. */
    DRY_RUN,
    /** Not carried out because this build cannot do it yet, or it no longer applies. */
    SKIPPED,
    /** Failed for good: trying again cannot help. */
    FAILED,
    /** Failed in a way that may pass (the connection dropped): the plan is tried again later. */
    RETRY
}
