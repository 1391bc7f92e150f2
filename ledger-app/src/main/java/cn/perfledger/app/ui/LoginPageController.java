package cn.perfledger.app.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST of its form. */
@Controller
public class LoginPageController {

    @GetMapping("/login")
    public String login() {
        return "ui/login";
    }
}
