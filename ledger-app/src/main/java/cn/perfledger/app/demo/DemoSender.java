package cn.perfledger.app.demo;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import java.util.List;

/**
 * Sends one seed year's commands through the dispatcher a user's request takes, as the demo client, all under one
 * correlation id; {@code synthetic} marks what the seed document does not print.
 */
record DemoSender(CommandDispatcher dispatcher, String correlation) {

    void send(Object command, boolean synthetic) {
        dispatcher.send(command, origin(correlation, synthetic));
    }

    static CommandOrigin origin(String correlation, boolean synthetic) {
        return new CommandOrigin(ClientKind.DEMO, "demo-loader", "system", synthetic, correlation);
    }

    /** The seed files leave out empty lists. */
    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
