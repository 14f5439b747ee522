package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expressions spaced as terraform fmt spaces them; HclModuleIT runs fmt over the same in the golden cases. */
class ExpressionsTest {
    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        " var.name |var.name",
        "var.a==1?var.b:-1|var.a == 1 ? var.b : -1",
        "jsonencode({\"a\"=var.b})|jsonencode({ \"a\" = var.b })",
        "merge({},var.tags)|merge({}, var.tags)",
        "[for s in var.names:upper(s)]|[for s in var.names : upper(s)]",
        "{for k,v in var.m:k=>v}|{ for k, v in var.m : k => v }",
        "!var.enabled&&var.x!=\"\"|!var.enabled && var.x != \"\"",
        "aws_subnet.private.*.id|aws_subnet.private.*.id",
        "aws_subnet.public[*].id|aws_subnet.public[*].id",
        "var.list[ 0 ]|var.list[0]",
        "var.a - 1 * -2|var.a - 1 * -2",
        "max(var.sizes...)|max(var.sizes...)",
        "provider::aws::arn_parse(var.arn)|provider::aws::arn_parse(var.arn)",
        "join( \",\", var.l )|join(\",\", var.l)",
        "\"${ var.a }-b\"|\"${var.a}-b\"",
        "\"a { b\"|\"a { b\"",
        "object({port=number})|object({ port = number })",
    })
    void spacesTokensAsFmtDoes(String expression, String expected) {
        assertEquals(expected, Expressions.format(expression));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "a # comment",
        "<<EOT",
        "f(\"${~ x}\")",
    })
    void leavesAloneWhatItDoesNotSpaceSaveTheOuterSpace(String expression) {
        assertEquals(expression, Expressions.format(" " + expression + " "));
    }
}
