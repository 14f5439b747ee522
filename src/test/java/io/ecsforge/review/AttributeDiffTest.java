package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attribute diff, table-driven: each row gives a change's JSON fields and the rows it must
 * produce, one per line as {@code path: before -> after}, placeholders in angle brackets.
 */
class AttributeDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "changed scalar | {'before':{'a':1,'b':'x'},'after':{'a':2,'b':'x'},'before_sensitive':{},'after_sensitive':{}}"
                + " | a: 1 -> 2",
        "created object lists its non-null leaves | {'before':null,'after':{'a':'x','n':null,'l':[]},'after_unknown':{'id':true},"
                + "'before_sensitive':false,'after_sensitive':{}} | a: <absent> -> \"x\"; id: <absent> -> <unknown>",
        "deleted object lists its leaves | {'before':{'a':'x'},'after':null,'before_sensitive':{},'after_sensitive':false}"
                + " | a: \"x\" -> <absent>",
        "value known only after apply | {'before':{'arn':'old'},'after':{},'after_unknown':{'arn':true},"
                + "'before_sensitive':{},'after_sensitive':{}} | arn: \"old\" -> <unknown>",
        "sensitive leaf on both sides | {'before':{'p':'s1'},'after':{'p':'s2'},'before_sensitive':{'p':true},"
                + "'after_sensitive':{'p':true}} | p: <sensitive> -> <sensitive>",
        "unchanged sensitive leaf gives no row | {'before':{'p':'s1','a':1},'after':{'p':'s1','a':2},"
                + "'before_sensitive':{'p':true},'after_sensitive':{'p':true}} | a: 1 -> 2",
        "sensitive map is one row, its keys hidden | {'before':null,'after':{'env':{'DB_PASSWORD':'x','API_KEY':'y'}},"
                + "'before_sensitive':false,'after_sensitive':{'env':true}} | env: <absent> -> <sensitive>",
        "whole object sensitive is one row | {'before':{'a':'x'},'after':{'a':'y'},'before_sensitive':true,"
                + "'after_sensitive':true} | (root): <sensitive> -> <sensitive>",
        "list elements by index | {'before':{'l':['a','b']},'after':{'l':['a','c','d']},'before_sensitive':{},"
                + "'after_sensitive':{}} | l[1]: \"b\" -> \"c\"; l[2]: <absent> -> \"d\"",
        "sensitive element of a list | {'before':{'l':['a','b']},'after':{'l':['a','c']},'before_sensitive':{'l':[false,true]},"
                + "'after_sensitive':{'l':[false,true]}} | l[1]: <sensitive> -> <sensitive>",
        "keys that are not identifiers are quoted | {'before':{'tags':{'team name':'a'}},'after':{'tags':{'team name':'b'}},"
                + "'before_sensitive':{},'after_sensitive':{}} | tags[\"team name\"]: \"a\" -> \"b\"",
        "object becoming a string is one row | {'before':{'p':{'x':1}},'after':{'p':'s'},'before_sensitive':{},"
                + "'after_sensitive':{}} | p: {\"x\":1} -> \"s\"",
        "attribute set to null is shown | {'before':{'a':'x'},'after':{'a':null},'before_sensitive':{},'after_sensitive':{}}"
                + " | a: \"x\" -> null",
        "nested sensitive part inside a collapsed value | {'before':{'o':{'k':'v','s':'hidden'}},'after':{'o':'flat'},"
                + "'before_sensitive':{'o':{'s':true}},'after_sensitive':{}} | o: {\"k\":\"v\",\"s\":(sensitive)} -> \"flat\"",
        "plan without sensitive marks shows no value | {'before':{'a':'x','id':'1'},'after':{'a':'y'},'after_unknown':{'id':true}}"
                + " | a: <withheld> -> <withheld>; id: <withheld> -> <unknown>",
    })
    void diffRowsShowChangesMasked(String behaviour, String change, String expected) throws Exception {
        JsonNode node = JSON.readTree(change.replace('\'', '"'));
        Values values = new Values(node.path("before"), node.path("after"), node.path("after_unknown"),
                node.path("before_sensitive"), node.path("after_sensitive"),
                node.has("before_sensitive") || node.has("after_sensitive"));
        String found = AttributeDiff.rows(values, List.of(), Secrets.none()).stream()
                .map(AttributeDiffTest::describe).collect(Collectors.joining("; "));
        assertEquals(expected.trim(), found, behaviour + "\nchange: " + change);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one changed key of a policy, named by its statement's Sid"
                + " | {'Statement':[{'Sid':'Pull','Effect':'Allow','Action':'ecr:BatchGetImage','Resource':'r'}]}"
                + " | {'Statement':[{'Sid':'Pull','Effect':'Allow','Action':['ecr:BatchGetImage','ecr:PutImage'],'Resource':'r'}]}"
                + " | doc › Statement[Sid=Pull] › Action: [\"ecr:BatchGetImage\"] -> [\"ecr:BatchGetImage\",\"ecr:PutImage\"]",
        "statements reordered, a lone string for a list: no change"
                + " | {'Statement':[{'Sid':'A','Action':['b','a'],'Resource':'r'},{'Sid':'B','Action':'c','Resource':'r'}]}"
                + " | {'Statement':[{'Sid':'B','Action':['c'],'Resource':['r']},{'Sid':'A','Action':['a','b'],'Resource':'r'}]}"
                + " | ",
        "a single statement object is a list of one"
                + " | {'Statement':{'Effect':'Allow','Action':'a','Resource':'r'}}"
                + " | {'Statement':[{'Effect':'Allow','Action':'a','Resource':'r'}]}"
                + " | ",
        "containers matched by name, a new environment variable"
                + " | [{'name':'web','image':'web:1','environment':[]},{'name':'log','image':'fluent'}]"
                + " | [{'name':'log','image':'fluent'},{'name':'web','image':'web:2','environment':[{'name':'MODE','value':'x'}]}]"
                + " | doc[name=web] › environment[name=MODE] › value: <absent> -> \"x\"; doc[name=web] › image: \"web:1\" -> \"web:2\"",
        "text that is not JSON stays a string"
                + " | {not json | {still not | doc: \"{not json\" -> \"{still not\"",
    })
    void jsonHeldInAStringIsDiffedKeyByKey(String behaviour, String before, String after, String expected)
            throws Exception {
        JsonNode node = JSON.createObjectNode()
                .set("before", JSON.createObjectNode().put("doc", before.replace('\'', '"')));
        Values values = new Values(node.path("before"), JSON.createObjectNode().put("doc", after.replace('\'', '"')),
                null, null, null, true);
        String found = AttributeDiff.rows(values, List.of(), Secrets.none()).stream()
                .map(AttributeDiffTest::describe).collect(Collectors.joining("; "));
        assertEquals(expected == null ? "" : expected.trim(), found, behaviour);
    }

    @ParameterizedTest(name = "replace path {0} marks {1}")
    @CsvSource(delimiter = '|', value = {
        "name | name",
        "tags | tags.env",
        "rule.0 | rule[0].port",
    })
    void attributesUnderAReplacePathForceReplacement(String replacePath, String marked) throws Exception {
        JsonNode node = JSON.readTree("{\"before\":{\"name\":\"a\",\"tags\":{\"env\":\"x\"},\"rule\":[{\"port\":1}],"
                + "\"other\":1},\"after\":{\"name\":\"b\",\"tags\":{\"env\":\"y\"},\"rule\":[{\"port\":2}],\"other\":2}}");
        Values values = new Values(node.path("before"), node.path("after"), null, null, null, true);
        List<AttributePath> paths = List.of(path(replacePath));
        String forcing = AttributeDiff.rows(values, paths, Secrets.none()).stream()
                .filter(AttributeDiff.Row::forcesReplacement).map(r -> r.path().toString())
                .collect(Collectors.joining(", "));
        assertEquals(marked, forcing);
    }

    @ParameterizedTest(name = "{0} is shown as {2}")
    @CsvSource(delimiter = '|', value = {
        "tags.env | {} | tags.env",
        "env.DB_PASSWORD | {'env':true} | env",
        "env.DB_PASSWORD | {'env':{'DB_PASSWORD':true}} | env.DB_PASSWORD",
    })
    void replacePathStopsWhereASensitiveValueStarts(String path, String marks, String shown) throws Exception {
        JsonNode sensitive = JSON.readTree(marks.replace('\'', '"'));
        Values values = new Values(null, null, null, sensitive, sensitive, true);
        assertEquals(shown, AttributeDiff.visible(path(path), values).toString());
    }

    private static AttributePath path(String dotted) {
        AttributePath path = AttributePath.root();
        for (String step : dotted.split("\\.")) {
            path = path.child(step.matches("\\d+") ? (Object) Long.parseLong(step) : step);
        }
        return path;
    }

    private static String describe(AttributeDiff.Row row) {
        return (row.path().isRoot() ? "(root)" : row.path().toString()) + ": " + describe(row.before()) + " -> "
                + describe(row.after());
    }

    private static String describe(Cell cell) {
        return cell.kind() == Cell.Kind.VALUE ? cell.text() : "<" + switch (cell.kind()) {
            case ABSENT -> "absent";
            case SENSITIVE -> "sensitive";
            case UNKNOWN -> "unknown";
            case WITHHELD -> "withheld";
            case VALUE -> throw new IllegalStateException();
        } + ">";
    }
}
