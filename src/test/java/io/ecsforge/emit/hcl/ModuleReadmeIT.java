package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small module's README filled by the real terraform-docs. */
class ModuleReadmeIT {
    private static final String MODULE_JSON = """
            {
              "variable": {
                "name": {"type": "string", "description": "Prefix of every name"},
                "az_count": {"type": "number", "description": "Availability zones to spread over", "default": 2},
                "cidr": {"type": "string", "description": "The VPC's range", "default": "10.0.0.0/16"}
              },
              "resource": {"aws_vpc": {"this": {"cidr_block": "${var.cidr}", "tags": {"Name": "${var.name}"}}}},
              "output": {
                "vpc_id": {"value": "${aws_vpc.this.id}", "description": "The VPC's id"},
                "cidr": {"value": "${aws_vpc.this.cidr_block}", "description": "The VPC's range"}
              }
            }
            """;

    private static final String TEMPLATE = """
            # network

            A VPC over `az_count` availability zones.

            ```hcl
            module "network" {
              source = "../../modules/network"
              name   = "webapp-dev"
            }
            ```

            <!-- BEGIN_TF_DOCS -->
            <!-- END_TF_DOCS -->
            """;

    private static final String EXPECTED = """
            # network

            A VPC over `az_count` availability zones.

            ```hcl
            module "network" {
              source = "../../modules/network"
              name   = "webapp-dev"
            }
            ```

            <!-- BEGIN_TF_DOCS -->
            ## Inputs

            | Name | Description | Type | Default | Required |
            |------|-------------|------|---------|:--------:|
            | <a name="input_az_count"></a> [az\\_count](#input\\_az\\_count) | Availability zones to spread over | `number` | `2` | no |
            | <a name="input_cidr"></a> [cidr](#input\\_cidr) | The VPC's range | `string` | `"10.0.0.0/16"` | no |
            | <a name="input_name"></a> [name](#input\\_name) | Prefix of every name | `string` | n/a | yes |

            ## Outputs

            | Name | Description |
            |------|-------------|
            | <a name="output_cidr"></a> [cidr](#output\\_cidr) | The VPC's range |
            | <a name="output_vpc_id"></a> [vpc\\_id](#output\\_vpc\\_id) | The VPC's id |
            <!-- END_TF_DOCS -->
            """;

    @TempDir Path module;

    @Test
    void theInputsAndOutputsTablesGoBetweenTheMarkersSortedByName() throws IOException {
        Path terraformDocs = Tools.terraformDocs();
        HclModule.write(new ObjectMapper().readTree(MODULE_JSON), ProviderSchema.bundled(), module);

        Path readme = ModuleReadme.write(terraformDocs, module, TEMPLATE);

        assertEquals(module.resolve("README.md"), readme);
        assertEquals(EXPECTED, Files.readString(readme));
    }

    @Test
    void writingAgainGivesTheSameReadme() throws IOException {
        Path terraformDocs = Tools.terraformDocs();
        HclModule.write(new ObjectMapper().readTree(MODULE_JSON), ProviderSchema.bundled(), module);

        String first = Files.readString(ModuleReadme.write(terraformDocs, module, TEMPLATE));
        String second = Files.readString(ModuleReadme.write(terraformDocs, module, TEMPLATE));

        assertEquals(first, second);
    }
}
