package io.kbsh.shell.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Finds where a field path (such as {@code servers[0].exchange}) sits in a JSON text, so that problems found
 * after binding can still be reported with a line and column. When the path does not exist, the nearest
 * existing ancestor is reported.
 */
final class JsonLocator {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLocator() {
    }

    /** {line, column} of the value at {@code path}, or of its nearest ancestor; {0, 0} when unknown. */
    static int[] locate(byte[] json, String path) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new int[] {0, 0};
            }
            int[] best = position(p.currentTokenLocation());
            return walk(p, "", path, best);
        } catch (IOException e) {
            return new int[] {0, 0};
        }
    }

    // The parser stands on the value whose path is 'here'.
    private static int[] walk(JsonParser p, String here, String target, int[] best) throws IOException {
        if (here.equals(target)) {
            return position(p.currentTokenLocation());
        }
        boolean onTheWay = here.isEmpty() || target.startsWith(here + ".") || target.startsWith(here + "[");
        if (onTheWay) {
            best = position(p.currentTokenLocation());
        }
        JsonToken token = p.currentToken();
        if (!onTheWay || !token.isStructStart()) {
            p.skipChildren();
            return best;
        }
        int index = 0;
        while (true) {
            JsonToken next = p.nextToken();
            if (next == null || next.isStructEnd()) {
                return best;
            }
            String child;
            if (token == JsonToken.START_OBJECT) {
                String name = p.currentName();
                p.nextToken();
                child = here.isEmpty() ? name : here + "." + name;
            } else {
                child = here + "[" + index++ + "]";
            }
            int[] found = walk(p, child, target, best);
            if (child.equals(target) || target.startsWith(child + ".") || target.startsWith(child + "[")) {
                // The target lies in this child; no sibling can hold it.
                return found;
            }
        }
    }

    private static int[] position(JsonLocation loc) {
        return new int[] {loc.getLineNr(), loc.getColumnNr()};
    }
}
