package io.harbormaster.views.fakes;

import io.harbormaster.model.error.Problem;
import io.harbormaster.views.dialog.DialogService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingDialogs implements DialogService {

    public final List<Problem> problems = new CopyOnWriteArrayList<>();
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public boolean answer = true;

    @Override
    public void showProblem(Problem problem) {
        problems.add(problem);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        return answer;
    }
}
