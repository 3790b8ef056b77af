package org.plasmicauthbridge.interop;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one interop script: its exit code, the JSON it printed on stdout and its stderr.
 * The scripts print tokens on stdout but never on stderr, so {@link #toString()} shows stderr and
 * only the presence of the output.
 */
record NodeResult(int exitCode, JsonNode output, String errorOutput) {

    @Override
    public String toString() {
        return "NodeResult[exitCode=" + exitCode + ", output=" + (output == null ? "<none>" : "<present>")
                + ", stderr=" + errorOutput.strip() + "]";
    }
}
