package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-line summary of a plan, counted from show -json as Terraform counts it. */
class PlanCountsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "creates and a no-op       | {'resource_changes':[{'change':{'actions':['create']}},{'change':{'actions':['create']}},{'change':{'actions':['no-op']}}]} | 2 to add, 0 to change, 0 to destroy",
        "a replacement is add+del  | {'resource_changes':[{'change':{'actions':['delete','create']}},{'change':{'actions':['update']}}]}                            | 1 to add, 1 to change, 1 to destroy",
        "a data read is no change  | {'resource_changes':[{'change':{'actions':['read']}}],'output_changes':{'a':{'actions':['no-op']}}}                            | no changes",
        "only outputs change       | {'resource_changes':[],'output_changes':{'a':{'actions':['create']}}}                                                      | 0 to add, 0 to change, 0 to destroy, outputs change",
        "nothing at all            | {'format_version':'1.2'}                                                                                                   | no changes",
    })
    void summarisesThePlan(String what, String showJson, String expected) throws IOException {
        assertEquals(expected, PlanCounts.of(JSON.readTree(showJson.replace('\'', '"'))).describe(), showJson);
    }
}
