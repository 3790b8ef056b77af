package org.plasmicauthbridge.exchange;

import org.plasmicauthbridge.plasmic.PlasmicSession;

/** The outcome of an assertion exchange: the Plasmic session, its app and the issuer that vouched for it. */
public record ExchangeResult(PlasmicSession session, String app, String issuer) {
}
