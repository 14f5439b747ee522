package io.ecsforge.cli;

import com.hashicorp.cdktf.App;
import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.Synthesizer;
import io.ecsforge.jsii.Jsii;
import io.ecsforge.runner.LockFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The app that {@code cdktf.json} runs for {@code npx cdktf synth|deploy}: cdktf's CLI names the
 * output folder and passes the context (the {@code environments} key of cdktf.json) itself.
 * cdktf.json fixes the command line, so an emulator is named by {@value AwsEndpoint#ENVIRONMENT_VARIABLE}.
 */
@Command(name = "cdktf-app", hidden = true,
        description = "Synthesize for the cdktf CLI (cdktf.json's app); use 'synth' yourself.")
final class CdktfAppCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config")
    Path configDir;

    @Option(names = "--locks-dir", paramLabel = "DIR", defaultValue = "locks")
    Path locksDir;

    @Override
    public Integer call() {
        Optional<AwsEndpoint> endpoint = AwsEndpoint.resolve(null, main.environment());
        Jsii.prepare(main.jsii());
        App app = new App();
        Object context = app.getNode().tryGetContext("environments");
        List<String> environments = context instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of("dev");
        List<EnvironmentConfig> configs = ConfigsOptions.load(configDir, environments, endpoint);
        Synthesizer.synthesize(app, configs, new LockFiles(locksDir));
        return ExitCodes.OK;
    }
}
