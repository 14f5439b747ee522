package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AwsEndpointTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://127.0.0.1:5000, http://127.0.0.1:5000",
        "http://127.0.0.1:5000/, http://127.0.0.1:5000",
        "HTTP://LOCALHOST:4566, http://localhost:4566",
        "https://127.1.2.3, https://127.1.2.3",
        "http://[::1]:5000, http://[::1]:5000",
    })
    void loopbackHttpUrlsAreAcceptedAndWrittenWithoutATrailingSlash(String given, String expected) {
        assertEquals(expected, AwsEndpoint.parse(given, "--aws-endpoint " + given).url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://127.0.0.1:5000 | not an http or https URL",
        "127.0.0.1:5000 | not an http or https URL",
        "http:/// | no host",
        "http://user:pw@127.0.0.1:5000 | a user in the URL; give credentials as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        "http://127.0.0.1:5000/moto | a path, query or fragment; an emulator serves every AWS API at its root",
        "http://127.0.0.1:5000?x=1 | a path, query or fragment; an emulator serves every AWS API at its root",
        "http://10.0.0.5:4566 | 10.0.0.5 is not loopback; the state and every request would leave this machine with"
                + " credential checks off. Run the emulator here, or publish or forward its port on 127.0.0.1",
        "http://localhost.localstack.cloud:4566 | localhost.localstack.cloud is not loopback; the state and every request"
                + " would leave this machine with credential checks off. Run the emulator here, or publish or forward"
                + " its port on 127.0.0.1",
        "http://128.0.0.1:5000 | 128.0.0.1 is not loopback; the state and every request would leave this machine with"
                + " credential checks off. Run the emulator here, or publish or forward its port on 127.0.0.1",
    })
    void anythingElseIsRefusedSayingWhatIsWrongAndWhatIsAllowed(String given, String problem) {
        UserError error = assertThrows(UserError.class, () -> AwsEndpoint.parse(given, "--aws-endpoint " + given));
        assertEquals("--aws-endpoint " + given + ": " + problem + "; allowed: " + AwsEndpoint.ALLOWED, error.getMessage());
    }

    @Test
    void theOptionWinsOverTheVariable() {
        Map<String, String> environment = Map.of(AwsEndpoint.ENVIRONMENT_VARIABLE, "http://127.0.0.1:1");
        assertEquals(Optional.of(new AwsEndpoint("http://127.0.0.1:2")),
                AwsEndpoint.resolve("http://127.0.0.1:2", environment));
    }

    @Test
    void theVariableIsUsedWithoutTheOptionAndAnEmptyOneMeansAws() {
        assertEquals(Optional.of(new AwsEndpoint("http://127.0.0.1:1")),
                AwsEndpoint.resolve(null, Map.of(AwsEndpoint.ENVIRONMENT_VARIABLE, "http://127.0.0.1:1")));
        assertEquals(Optional.empty(), AwsEndpoint.resolve(null, Map.of(AwsEndpoint.ENVIRONMENT_VARIABLE, "")));
        assertEquals(Optional.empty(), AwsEndpoint.resolve(null, Map.of()));
    }
}
