package io.ecsforge.emit;

import io.ecsforge.UserError;
import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.EnvironmentConfig;

/**
 * How long a release of one environment may take, from the configuration: the release job waits
 * for CodeDeploy's outcome that long, so that it fails when the release rolls back and succeeds
 * when it does not, instead of giving up first (the AWS CLI's own waiter stops after 30 minutes).
 *
 * <p>A blue/green deployment ends only after the old tasks are terminated: the new tasks start and
 * pass their health checks, traffic shifts as the strategy says, and the old task set is kept for
 * {@code terminateBlueAfterMinutes}, during which the alarms can still roll the release back.
 *
 * @param shiftMinutes from the first shift of traffic until all of it is on the new version
 * @param terminateBlueAfterMinutes the old version kept after that
 * @param waitMinutes how long the release job waits for the deployment's outcome
 * @param jobTimeoutMinutes the job's {@code timeout-minutes}: the wait plus pushing and registering
 */
public record ReleaseTiming(int shiftMinutes, int terminateBlueAfterMinutes, int waitMinutes, int jobTimeoutMinutes) {
    /**
     * Starting the new tasks before any traffic moves: pulling the image, the health check grace
     * period, the target group's consecutive healthy checks, and CodeDeploy's own steps. Fargate
     * usually needs a few minutes; the rest is margin so that a slow start is not reported as failed.
     */
    static final int START_MARGIN_MINUTES = 20;
    /** Checkout, loading the image archive, pushing it and registering the task definition. */
    static final int JOB_OVERHEAD_MINUTES = 15;
    /** GitHub-hosted runners end every job after six hours. */
    static final int GITHUB_JOB_LIMIT_MINUTES = 360;

    public static ReleaseTiming of(EnvironmentConfig config) {
        DeploymentConfig deployment = config.deployment();
        int shift = switch (deployment.strategy()) {
            case CANARY -> deployment.intervalMinutes();
            // percent% at once, then percent% more every interval until all of it has moved.
            case LINEAR -> deployment.intervalMinutes() * ((99 + deployment.percent()) / deployment.percent() - 1);
            case ALL_AT_ONCE -> 0;
        };
        int wait = START_MARGIN_MINUTES + shift + deployment.terminateBlueAfterMinutes();
        int timeout = wait + JOB_OVERHEAD_MINUTES;
        if (timeout > GITHUB_JOB_LIMIT_MINUTES) {
            throw new UserError(config.file() + ": deployment: a release takes up to " + wait + " minutes (" + START_MARGIN_MINUTES
                    + " to start the new tasks, " + shift + " to shift traffic, " + deployment.terminateBlueAfterMinutes()
                    + " before the old tasks end), but a GitHub-hosted job runs at most " + GITHUB_JOB_LIMIT_MINUTES
                    + " minutes; allowed: intervalMinutes and terminateBlueAfterMinutes that keep the release under "
                    + (GITHUB_JOB_LIMIT_MINUTES - JOB_OVERHEAD_MINUTES) + " minutes");
        }
        return new ReleaseTiming(shift, deployment.terminateBlueAfterMinutes(), wait, timeout);
    }
}
