package cn.perfledger.app.ui.admin;

import cn.perfledger.app.api.rubric.RubricController;
import cn.perfledger.app.api.rubric.RubricController.PublishRequest;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: publish a rubric version from its file — the JSON form of the API's publish request (the format of the
 * bundled {@code rubrics/*.json}) read and sent exactly as {@code POST /api/v1/rubrics} is
 * ({@link RubricController#publish}: the rubric validator, the scope rules). A refused file is shown with the
 * path of the offending node and the rule; a published version redirects to its tree.
 */
@Controller
@RequestMapping("/admin/rubrics")
public class AdminRubricsController {

    private final RubricController api;
    private final ApiForm forms;
    private final FormKeys keys;

    public AdminRubricsController(RubricController api, ApiForm forms, FormKeys keys) {
        this.api = api;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping
    public String upload(Model model) {
        return render(FormState.fresh(), model);
    }

    @PostMapping
    public String publish(@RequestParam MultiValueMap<String, String> form,
            @RequestParam(required = false) MultipartFile file, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        byte[] bytes = bytes(file);
        return keys.once(request, form, bytes, () -> {
            FormState state = FormState.posted("rubric", form);
            if (bytes.length == 0) {
                state.reject("file", "请选择评价体系文件（JSON，格式同发布接口的请求体）");
                return render(state, model);
            }
            PublishRequest[] published = new PublishRequest[1];
            boolean ok = forms.read(state, "", PublishRequest.class, bytes)
                    .map(r -> forms.send(state, "", r, p -> api.publish(published[0] = p))).orElse(false);
            if (!ok) {
                model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
                return render(state, model);
            }
            String id = published[0].rubricVersionId().value();
            flash.addFlashAttribute("saved", "已发布评价体系版本 " + id);
            return "redirect:/rubrics/" + id;
        });
    }

    private String render(FormState state, Model model) {
        AdminDepartmentsController.common(state, model, "发布评价体系");
        return "ui/admin/rubrics";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
