package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanReaderTest {
    private static final String HOW = "give the JSON that `terraform show -json PLANFILE` writes";

    @TempDir Path dir;

    @Test
    void missingFileIsRefusedByName() {
        Path file = dir.resolve("network.json");
        assertRefused(file, file + " does not exist; " + HOW);
    }

    @Test
    void emptyFileIsRefusedByName() throws IOException {
        Path file = Files.write(dir.resolve("network.json"), new byte[0]);
        assertRefused(file, file + " is empty; " + HOW + " (did the plan step fail?)");
    }

    @Test
    void fileWithOnlyAByteOrderMarkAndBlanksIsEmpty() throws IOException {
        Path file = Files.write(dir.resolve("network.json"), new byte[] {(byte) 0xFF, (byte) 0xFE, ' ', 0, '\n', 0});
        assertRefused(file, file + " is empty; " + HOW + " (did the plan step fail?)");
    }

    @Test
    void invalidJsonIsRefusedWithLineAndColumn() {
        Path file = Fixtures.publicPlan("terraform-json__invalid.json");
        assertRefused(file, file + " is not valid JSON at line 676, column 29 (Unexpected close marker '}': no open"
                + " Object to close); " + HOW);
    }

    @Test
    void stateGivenInsteadOfPlanIsRefusedAsAState() {
        Path file = Fixtures.publicPlan("checkov__runner_plan_corrupted.json");
        assertRefused(file, file + " is a Terraform state, not a plan (it has top-level \"values\" and no"
                + " \"resource_changes\" or \"planned_values\"); " + HOW + ", not `terraform show -json` alone");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.json"), "[1, 2]");
        assertRefused(file, file + " is not a Terraform plan: expected a JSON object, found array; " + HOW);
    }

    @Test
    void objectWithoutPlanFieldsIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.json"), "{\"format_version\": \"1.2\"}");
        assertRefused(file, file + " is not a Terraform plan (no \"resource_changes\" or \"planned_values\"); " + HOW);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        Path file = Files.write(dir.resolve("plan.json"), new byte[] {'{', (byte) 0xC3, '}'});
        assertRefused(file, file + " is not UTF-8 text (expected UTF-8, or UTF-16 with a byte-order mark); " + HOW);
    }

    @Test
    void actionsThisToolDoesNotKnowAreRefusedWithTheAddress() throws IOException {
        Path file = Files.writeString(dir.resolve("plan.json"), "{\"planned_values\": {}, \"resource_changes\": ["
                + "{\"address\": \"aws_s3_bucket.logs\", \"change\": {\"actions\": [\"delete\", \"update\"]}}]}");
        assertRefused(file, file + ": aws_s3_bucket.logs has actions [delete, update], which this version of ecsforge"
                + " does not know; it knows [no-op], [create], [read], [update], [delete, create], [create, delete],"
                + " [create, forget], [delete], [forget]");
    }

    @Test
    void utf16LittleEndianWithByteOrderMarkReadsLikeUtf8() throws IOException {
        Path utf16 = Fixtures.publicPlan("checkov__plan_encoding_win_utf16.json");
        String text = new String(Files.readAllBytes(utf16), StandardCharsets.UTF_16);
        Path utf8 = Files.writeString(dir.resolve("utf8.json"), text, StandardCharsets.UTF_8);
        assertEquals(render(utf8), render(utf16));
    }

    @Test
    void utf16BigEndianWithByteOrderMarkIsRead() throws IOException {
        String text = Files.readString(Fixtures.terraform111Plan());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xFE, (byte) 0xFF});
        bytes.write(text.getBytes(StandardCharsets.UTF_16BE));
        Path file = Files.write(dir.resolve("be.json"), bytes.toByteArray());
        assertEquals(render(Fixtures.terraform111Plan()), render(file));
    }

    @Test
    void utf8WithByteOrderMarkIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(Files.readAllBytes(Fixtures.terraform111Plan()));
        Path file = Files.write(dir.resolve("bom.json"), bytes.toByteArray());
        assertEquals(render(Fixtures.terraform111Plan()), render(file));
    }

    @Test
    void planOfTerraform111ReadsEveryKindOfChange() {
        Plan plan = PlanReader.read(Fixtures.terraform111Plan());
        assertEquals("create=1 update=2 replace=2 delete=1 import=1 move=1 read=0 forget=0", plan.totals().toString());
    }

    @Test
    void planOfOpenTofu110ReadsLikeTerraformsOfTheSameConfiguration() {
        Plan tofu = PlanReader.read(Fixtures.openTofu110Plan());
        Plan terraform = PlanReader.read(Fixtures.terraform111Plan());
        assertEquals(terraform.totals(), tofu.totals());
        assertEquals(terraform.changes().stream().map(c -> c.address() + " " + c.action() + " " + c.actionReason()
                        + " " + c.previousAddress() + " " + c.importId() + " " + c.replacePaths()).toList(),
                tofu.changes().stream().map(c -> c.address() + " " + c.action() + " " + c.actionReason()
                        + " " + c.previousAddress() + " " + c.importId() + " " + c.replacePaths()).toList());
    }

    @Test
    void replacementKeepsTerraformsReasonAndForcingAttributes() {
        ResourceChange replaced = change(PlanReader.read(Fixtures.terraform111Plan()), "terraform_data.replaced");
        assertEquals(Action.DELETE_THEN_CREATE, replaced.action());
        assertEquals("replace_because_cannot_update", replaced.actionReason().orElseThrow());
        assertEquals(List.of(new AttributePath(List.of("triggers_replace"))), replaced.replacePaths());
    }

    @Test
    void movedResourceKeepsItsPreviousAddress() {
        ResourceChange moved = change(PlanReader.read(Fixtures.terraform111Plan()), "terraform_data.renamed_dst");
        assertEquals("terraform_data.renamed_src", moved.previousAddress().orElseThrow());
    }

    @Test
    void importedResourceKeepsItsImportId() {
        ResourceChange imported = change(PlanReader.read(Fixtures.terraform111Plan()), "terraform_data.imported");
        assertEquals("existing-id-42", imported.importId().orElseThrow());
    }

    @Test
    void outputChangesBeforeTerraform014AreNotRecorded() {
        Plan plan = PlanReader.read(Fixtures.publicPlan("terraform-json__basic.json"));
        assertEquals(List.of(), plan.outputs(), "outputs of a 0.12.11 plan");
        assertEquals(true, plan.outputChangesUnrecorded());
    }

    private static ResourceChange change(Plan plan, String address) {
        return plan.changes().stream().filter(c -> c.address().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + plan.changes()));
    }

    private static String render(Path file) {
        return PlanSummary.render(List.of(new StackPlan("dev", "app", file)), SummaryOptions.defaults());
    }

    private static void assertRefused(Path file, String message) {
        UserError error = assertThrows(UserError.class, () -> PlanReader.read(file));
        assertEquals(message, error.getMessage());
    }
}
