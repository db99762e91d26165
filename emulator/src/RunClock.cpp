#include "RunClock.h"

#include <algorithm>

#include "JobBody.h"

namespace azureml_emulator {

namespace {
constexpr int64_t kNever = INT64_MAX;
// Finished templates: started 30 s after creation, ran for 10 minutes.
constexpr int64_t kTemplateStartDelayMs = 30'000;
constexpr int64_t kTemplateDurationMs = 600'000;
}  // namespace

struct RunClock::Timeline {
  int64_t queued, preparing, running, finalizing, completed;
  int64_t failAt = kNever;      // fail / fail-in-child
  int64_t hangAt = kNever;      // hang: NotResponding from here
  int64_t cancelAt = kNever;    // CancelRequested from here
  int64_t canceledAt = kNever;  // Canceled from here
  size_t failingStep = 0;
  bool errorOnParent = false;
  size_t stepCount = 1;
};

RunClock::RunClock(int stepMillis) : step_(std::max(1, stepMillis)) {}

bool RunClock::isTerminal(const std::string& status) {
  return status == "Completed" || status == "Failed" || status == "Canceled";
}

static std::string defaultError(const Job& job, const std::string& step) {
  if (!job.script.errorMessage.empty()) return job.script.errorMessage;
  return "Execution failed. User process 'python' exited with status code 1. Please check log file "
         "'user_logs/std_log.txt' for more information. Error: Traceback (most recent call last): File \"" +
         step + ".py\", line 42, in <module> ValueError: step '" + step +
         "' failed (scripted by the emulator)";
}

RunClock::Timeline RunClock::timeline(const Job& job) const {
  Timeline t{};
  const int64_t c = job.createdAtMs;
  const int64_t running = std::max(1, job.script.runningSteps) * step_;
  t.queued = c + step_;
  t.preparing = c + 2 * step_;
  t.running = c + 3 * step_;
  t.finalizing = t.running + running;
  t.completed = t.finalizing + step_;
  t.stepCount = std::max<size_t>(1, job.body->stepNames.size());
  t.failingStep = t.stepCount - 1;
  if (!job.script.failStep.empty()) {
    const auto& names = job.body->stepNames;
    auto it = std::find(names.begin(), names.end(), job.script.failStep);
    if (it != names.end()) t.failingStep = static_cast<size_t>(it - names.begin());
  }
  const std::string& behavior = job.script.behavior;
  if (behavior == "fail") {
    t.failAt =
        t.running + running * static_cast<int64_t>(t.failingStep + 1) / static_cast<int64_t>(t.stepCount);
    t.errorOnParent = true;
  } else if (behavior == "fail-in-child") {
    t.failAt =
        t.running + running * static_cast<int64_t>(t.failingStep + 1) / static_cast<int64_t>(t.stepCount);
  } else if (behavior == "hang") {
    t.hangAt = t.running + std::min<int64_t>(step_, running);
  }
  if (job.cancelRequestedAtMs != 0) {
    // A cancel that arrives after the run ended changes nothing.
    const int64_t naturalEnd = std::min(t.failAt, t.hangAt == kNever ? t.completed : kNever);
    if (job.cancelRequestedAtMs < naturalEnd) {
      t.cancelAt = job.cancelRequestedAtMs;
      t.canceledAt = t.cancelAt + std::max(1, job.script.cancelSteps) * step_;
    }
  }
  return t;
}

RunState RunClock::run(const Job& job, int64_t now) const {
  RunState state;
  if (!job.isRun || !job.fixedStatus.empty()) {
    state.status = job.fixedStatus.empty() ? "Completed" : job.fixedStatus;
    state.startMs = job.createdAtMs + kTemplateStartDelayMs;
    if (isTerminal(state.status)) state.endMs = state.startMs + kTemplateDurationMs;
    if (state.status == "Failed" && job.script.behavior == "fail") {
      state.errorCode = job.script.errorCode;
      state.errorMessage = defaultError(job, job.script.failStep);
    }
    return state;
  }
  const Timeline t = timeline(job);
  if (now >= t.running && t.running < t.cancelAt) state.startMs = t.running;
  if (now >= t.canceledAt) {
    state.status = "Canceled";
    state.endMs = t.canceledAt;
  } else if (now >= t.cancelAt) {
    state.status = "CancelRequested";
  } else if (now < t.running) {
    // Azure answers a new pipeline's PUT with Preparing and shows it until the first step runs.
    state.status = "Preparing";
  } else if (now >= t.hangAt) {
    state.status = "NotResponding";
  } else if (now >= t.failAt) {
    state.status = "Failed";
    state.endMs = t.failAt;
    if (t.errorOnParent) {
      state.errorCode = job.script.errorCode;
      const std::string step =
          job.body->stepNames.empty() ? std::string("pipeline") : job.body->stepNames[t.failingStep];
      state.errorMessage = defaultError(job, step);
    }
  } else if (now < t.finalizing) {
    state.status = "Running";
  } else if (now < t.completed) {
    state.status = "Finalizing";
  } else {
    state.status = "Completed";
    state.endMs = t.completed;
  }
  return state;
}

std::vector<StepState> RunClock::steps(const Job& job, int64_t now) const {
  const auto& names = job.body->stepNames;
  std::vector<StepState> steps(names.size());
  if (names.empty()) return steps;
  const RunState parent = run(job, now);
  const bool fixed = !job.isRun || !job.fixedStatus.empty();
  const Timeline t = fixed ? Timeline{} : timeline(job);
  const int64_t begin = fixed ? parent.startMs : t.running;
  const int64_t span = fixed ? kTemplateDurationMs : t.finalizing - t.running;
  const auto n = static_cast<int64_t>(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    StepState& step = steps[i];
    step.name = names[i];
    const int64_t start = begin + span * static_cast<int64_t>(i) / n;
    const int64_t end = begin + span * static_cast<int64_t>(i + 1) / n;
    if (fixed) {
      const bool parentFailed = parent.status == "Failed";
      step.status =
          parentFailed && i + 1 == names.size() ? "Failed" : (parentFailed ? "Completed" : parent.status);
      step.startMs = start;
      if (isTerminal(step.status)) step.endMs = end;
      continue;
    }
    // The first moment something stopped the pipeline: a failure, a cancel taking effect, or a hang.
    const int64_t stop = std::min({t.failAt, t.canceledAt, t.hangAt});
    if (start >= stop || now < start) {
      step.status = now >= t.canceledAt || (now >= t.failAt && start >= t.failAt) ? "Canceled" : "NotStarted";
      continue;
    }
    step.startMs = start;
    if (i == t.failingStep && end == t.failAt && end <= stop && now >= t.failAt) {
      step.status = "Failed";
      step.endMs = end;
      step.errorCode = job.script.errorCode;
      step.errorMessage = defaultError(job, step.name);
    } else if (end > stop && now >= stop) {
      // Still running when the pipeline stopped: canceled with it, or left hanging.
      if (stop == t.hangAt) {
        step.status = "Running";
      } else {
        step.status = "Canceled";
        step.endMs = stop;
      }
    } else if (now < end) {
      step.status = "Running";
    } else {
      step.status = "Completed";
      step.endMs = end;
    }
  }
  return steps;
}

}  // namespace azureml_emulator
