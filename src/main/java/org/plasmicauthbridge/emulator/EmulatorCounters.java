package org.plasmicauthbridge.emulator;

import java.util.concurrent.atomic.AtomicLong;

/** Requests received per endpoint, whatever their outcome. */
record EmulatorCounters(AtomicLong ensure, AtomicLong userinfo, AtomicLong token, AtomicLong authorize) {

    EmulatorCounters() {
        this(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
    }

    void reset() {
        ensure.set(0);
        userinfo.set(0);
        token.set(0);
        authorize.set(0);
    }
}
