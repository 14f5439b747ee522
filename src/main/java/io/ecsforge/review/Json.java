package io.ecsforge.review;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Small JSON text helpers shared by the reader and the renderers. */
final class Json {
    private Json() {}

    /** The JSON string literal for {@code text}, quotes included. */
    static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }
}
