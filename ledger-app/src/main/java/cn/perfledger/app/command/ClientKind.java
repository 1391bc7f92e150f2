package cn.perfledger.app.command;

/** The channel a command arrived through, recorded in the metadata of its events. */
public enum ClientKind {
    API, UI, CLI, IMPORT, DEMO
}
