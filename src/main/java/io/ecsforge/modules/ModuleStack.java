package io.ecsforge.modules;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.ecsforge.config.ModuleVariables.Variable;
import io.ecsforge.stacks.Setting;
import io.ecsforge.stacks.Shapes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A module, built as a cdktf stack from the same parts as the stacks: its variables, the parts'
 * resources made through {@link Shapes#counted} with {@link Setting}s that refer to the
 * variables, and its outputs. {@link ModuleDocuments} turns what it synthesizes into the module's
 * Terraform JSON document.
 */
abstract class ModuleStack extends TerraformStack {
    private final String moduleName;
    private final Shapes.Counted shapes;
    private final Map<String, Variable> variables = new LinkedHashMap<>();

    ModuleStack(Construct scope, String moduleName) {
        super(scope, moduleName);
        this.moduleName = moduleName;
        // cdktf refuses resources without a provider; the document leaves the block out, since a
        // module is given its provider by whoever calls it.
        AwsProvider.Builder.create(this, "aws").build();
        this.shapes = Shapes.counted(this);
    }

    /** Its folder's name under {@code modules/}. */
    String moduleName() {
        return moduleName;
    }

    Shapes.Counted shapes() {
        return shapes;
    }

    /** Declares {@code declared} as variables, with their validation blocks. */
    void declare(List<Variable> declared) {
        for (Variable variable : declared) {
            // A variable's construct id must differ from a resource's (flow_logs is both); its
            // name in Terraform is the logical id.
            TerraformVariable.Builder builder = TerraformVariable.Builder.create(this, "variable_" + variable.name())
                    .type(variable.type())
                    .description(variable.description())
                    .nullable(variable.nullable())
                    .validation(variable.validations().stream()
                            .map(validation -> TerraformVariableValidationConfig.builder()
                                    .condition("${" + validation.condition() + "}")
                                    .errorMessage(validation.errorMessage())
                                    .build())
                            .toList());
            if (variable.defaultValue() != null) {
                builder.defaultValue(variable.defaultValue());
            } else if (variable.nullable()) {
                builder.defaultValue(Token.nullValue());
            }
            builder.build().overrideLogicalId(variable.name());
            variables.put(variable.name(), variable);
        }
    }

    /** The declared variable {@code name} as a setting of the kind of {@code example}. */
    <T> Setting<T> variable(String name, T example) {
        if (!variables.containsKey(name)) {
            throw new IllegalArgumentException("no variable " + name + " in module " + moduleName + "; declared: "
                    + variables.keySet());
        }
        return Setting.variable(name, example);
    }
}
