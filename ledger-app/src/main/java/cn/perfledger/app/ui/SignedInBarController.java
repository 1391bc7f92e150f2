package cn.perfledger.app.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The site header with the signed-in user's bar, alone: the static page Tomcat answers a malformed address with
 * ({@link BadRequestPage}) is written before the user is known, so it fetches this to show who is signed in, as
 * every other page does.
 */
@Controller
public class SignedInBarController {

    static final String PATH = "/signed-in-bar";

    @GetMapping(PATH)
    public String bar() {
        return "ui/signed-in-bar";
    }
}
