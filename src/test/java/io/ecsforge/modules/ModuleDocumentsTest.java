package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a synthesized module stack becomes a module's document. */
class ModuleDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode document(String resourceJson, List<String> singleInstances) throws IOException {
        ObjectNode synthesized = (ObjectNode) JSON.readTree("{\"provider\": {\"aws\": [{}]}, \"terraform\": {\"backend\":"
                + " {\"local\": {\"path\": \"x\"}}, \"required_providers\": {\"aws\": {\"source\": \"aws\", \"version\": \"5.0.0\"}}},"
                + " \"resource\": {\"aws_x\": {\"a\": " + resourceJson + "}}}");
        return ModuleDocuments.document(synthesized, singleInstances);
    }

    @Test
    void providerBackendAndMetadataAreLeftOutAndTheVersionsPutIn() throws IOException {
        ObjectNode document = document("{\"//\": {\"metadata\": {}}, \"name\": \"n\"}", List.of());
        assertEquals(JSON.readTree("{\"terraform\": {\"required_providers\": {\"aws\": {\"source\": \"hashicorp/aws\","
                + " \"version\": \">= 5.23.1, < 6.0.0\"}}, \"required_version\": \">= 1.10\"}, \"resource\": {\"aws_x\": {\"a\":"
                + " {\"name\": \"n\"}}}}"), document);
    }

    @Test
    void referencesToASingleInstanceNameItsOnlyInstanceAndNothingElse() throws IOException {
        ObjectNode document = document("{\"refs\": [\"${aws_iam_role.r.arn}\", \"arn:${data.aws_partition.p.partition}:x\","
                + " \"${data.aws_iam_role.r.arn}\", \"${aws_iam_role.rx.arn}\", \"${aws_iam_role.r[0].arn}\","
                + " \"${aws_iam_role.r.arn}/${aws_iam_role.r.id}\"], \"depends_on\": [\"aws_iam_role.r\"]}",
                List.of("aws_iam_role.r", "data.aws_partition.p"));
        assertEquals(JSON.readTree("[\"${aws_iam_role.r[0].arn}\", \"arn:${data.aws_partition.p[0].partition}:x\","
                + " \"${data.aws_iam_role.r.arn}\", \"${aws_iam_role.rx.arn}\", \"${aws_iam_role.r[0].arn}\","
                + " \"${aws_iam_role.r[0].arn}/${aws_iam_role.r[0].id}\"]"), document.path("resource").path("aws_x").path("a")
                .path("refs"));
        assertEquals(JSON.readTree("[\"aws_iam_role.r\"]"), document.path("resource").path("aws_x").path("a").path("depends_on"));
    }
}
