// The azureml-emulator program itself: its flags, started as a separate process, each with an effect a client
// can observe (--http, --seed, --fault, --client, --generate-jobs/--generate-from, --generate-steps,
// --no-journal), and a seed Azure ML would refuse stopping the start with a one-line reason.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

const char* kTenant = "11111111-2222-3333-4444-555555555555";
const char* kWorkspacePath =
    "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/test-rg/providers/"
    "Microsoft.MachineLearningServices/workspaces/my-aml-workspace";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Reply {
  int status = 0;
  std::string body;
  Poco::JSON::Object::Ptr json() const {
    try {
      return Poco::JSON::Parser().parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& e) {
      ADD_FAILURE() << "not a JSON object: " << e.displayText() << "\n" << body.substr(0, 300);
      return new Poco::JSON::Object;
    }
  }
};

// The emulator program in a child process; stdout and stderr go to files.
class EmulatorProcess {
 public:
  explicit EmulatorProcess(std::vector<std::string> args) {
    args.insert(args.begin(), EMULATOR_EXE);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_.path().c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_.path().c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int rc = posix_spawn(&pid_, EMULATOR_EXE, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
      ADD_FAILURE() << "cannot start " << EMULATOR_EXE << ": " << std::strerror(rc);
      pid_ = -1;
    }
  }
  ~EmulatorProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      wait();
    }
  }
  // Waits (up to 30 s) for `file` to appear; false if the process exited first.
  bool waitForFile(const std::string& file) {
    for (int i = 0; i < 3000; ++i) {
      if (std::filesystem::exists(file)) return true;
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        pid_ = -1;
        return false;
      }
      ::usleep(10000);
    }
    return false;
  }
  // Stops it (SIGTERM, as a user would) and returns its exit code.
  int stop() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
    return wait();
  }
  int wait() {
    if (pid_ > 0) {
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      pid_ = -1;
    }
    return exitCode_;
  }
  std::string out() const { return slurp(out_.path()); }
  std::string err() const { return slurp(err_.path()); }

 private:
  Poco::TemporaryFile out_;
  Poco::TemporaryFile err_;
  pid_t pid_ = -1;
  int exitCode_ = -1;
};

Reply request(uint16_t port, const std::string& method, const std::string& pathAndQuery,
              const std::string& body = "", const std::map<std::string, std::string>& headers = {},
              const std::string& contentType = "application/json") {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest httpRequest(method, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) httpRequest.set(name, value);
  if (!body.empty() || method == "POST" || method == "PUT") {
    httpRequest.setContentType(contentType);
    httpRequest.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  session.sendRequest(httpRequest) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = static_cast<int>(response.getStatus());
  Poco::StreamCopier::copyToString(in, reply.body);
  return reply;
}

const char* kSeed = R"({
  "templates": [{
    "name": "cli-seeded-template",
    "properties": {
      "jobType": "Pipeline", "displayName": "Seeded through --seed",
      "inputs": {"greeting": {"jobInputType": "literal", "value": "hello"}},
      "jobs": {"say": {"type": "command", "name": "say", "component": "azureml:say:1",
        "inputs": {"greeting": {"job_input_type": "literal", "value": "${{parent.inputs.greeting}}"}}}}
    }
  }]
})";

TEST(EmulatorCommandLine, EveryFlagTakesEffectInTheRunningProgram) {
  Poco::TemporaryFile seed, ready;
  std::ofstream(seed.path()) << kSeed;
  EmulatorProcess emulator({"--http",
                            "--port",
                            "0",
                            "--ready-file",
                            ready.path(),
                            "--seed",
                            seed.path(),
                            "--fault",
                            "jobs.get:503,count=1",
                            "--client",
                            std::string(kTenant) + ":cli-client:cli-secret",
                            "--generate-jobs",
                            "4",
                            "--generate-from",
                            "cli-seeded-template",
                            "--generate-steps",
                            "6",
                            "--no-journal",
                            "--step-ms",
                            "20"});
  ASSERT_TRUE(emulator.waitForFile(ready.path())) << emulator.err();
  // --http: the base URL written to the ready file is plain HTTP.
  std::string baseUrl = slurp(ready.path());
  while (!baseUrl.empty() && baseUrl.back() == '\n') baseUrl.pop_back();
  ASSERT_EQ(baseUrl.rfind("http://127.0.0.1:", 0), 0u) << baseUrl;
  const auto port = static_cast<uint16_t>(std::stoi(baseUrl.substr(std::strlen("http://127.0.0.1:"))));
  // The seed, the generated jobs and the large template: 1 + 4 + 1.
  EXPECT_NE(emulator.out().find("azureml-emulator ready at " + baseUrl), std::string::npos) << emulator.out();
  EXPECT_NE(emulator.out().find(", 6 jobs"), std::string::npos) << emulator.out();
  EXPECT_EQ(request(port, "GET", "/_admin/jobs").json()->getValue<int>("count"), 6);

  // --client: the registered client secret signs in.
  auto token = request(port, "POST", std::string("/") + kTenant + "/oauth2/v2.0/token",
                       "grant_type=client_credentials&client_id=cli-client&client_secret=cli-secret"
                       "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default",
                       {}, "application/x-www-form-urlencoded");
  ASSERT_EQ(token.status, 200) << token.body;
  const std::map<std::string, std::string> bearer{
      {"Authorization", "Bearer " + token.json()->getValue<std::string>("access_token")}};
  const std::string jobs = std::string(kWorkspacePath) + "/jobs";

  // --fault jobs.get:503,count=1: the first GET of a job is the scripted outage, the next one is served.
  auto outage = request(port, "GET", jobs + "/cli-seeded-template?api-version=2024-10-01", "", bearer);
  EXPECT_EQ(outage.status, 503) << outage.body;
  auto seeded = request(port, "GET", jobs + "/cli-seeded-template?api-version=2024-10-01", "", bearer);
  ASSERT_EQ(seeded.status, 200) << seeded.body;
  // --seed FILE: the template is the file's.
  EXPECT_EQ(seeded.json()->getObject("properties")->getValue<std::string>("displayName"),
            "Seeded through --seed");
  EXPECT_EQ(request(port, "GET", jobs + "/train-pipeline-template?api-version=2024-10-01", "", bearer).status,
            404)
      << "the built-in demo seed is not loaded";

  // --generate-steps 6: large-pipeline-template has 6 steps.
  auto large = request(port, "GET", jobs + "/large-pipeline-template?api-version=2024-10-01", "", bearer);
  ASSERT_EQ(large.status, 200) << large.body;
  EXPECT_EQ(large.json()->getObject("properties")->getObject("jobs")->size(), 6u);

  // --generate-jobs 4 --generate-from: the list holds four more Pipeline jobs copied from the seeded
  // template.
  auto list = request(port, "GET", jobs + "?api-version=2024-10-01", "", bearer);
  ASSERT_EQ(list.status, 200) << list.body;
  auto value = list.json()->getArray("value");
  EXPECT_EQ(value->size(), 6u);
  size_t copies = 0;
  for (unsigned i = 0; i < value->size(); ++i) {
    auto properties = value->getObject(i)->getObject("properties");
    if (properties->getValue<std::string>("displayName") == "Seeded through --seed") ++copies;
  }
  EXPECT_EQ(copies, 5u) << "the seeded template and its four generated copies";

  // --no-journal: nothing was recorded.
  auto journal = request(port, "GET", "/_admin/journal");
  ASSERT_EQ(journal.status, 200) << journal.body;
  EXPECT_EQ(Poco::JSON::Parser().parse(journal.body).extract<Poco::JSON::Array::Ptr>()->size(), 0u)
      << journal.body;

  EXPECT_EQ(emulator.stop(), 0) << "SIGTERM stops it cleanly";
  EXPECT_EQ(emulator.err(), "");
}

TEST(EmulatorCommandLine, WithTheJournalOnRequestsAreRecorded) {
  Poco::TemporaryFile ready;
  EmulatorProcess emulator({"--http", "--ready-file", ready.path()});
  ASSERT_TRUE(emulator.waitForFile(ready.path())) << emulator.err();
  std::string baseUrl = slurp(ready.path());
  const auto port = static_cast<uint16_t>(std::stoi(baseUrl.substr(std::strlen("http://127.0.0.1:"))));
  EXPECT_EQ(request(port, "GET", std::string(kWorkspacePath) + "/jobs?api-version=2024-10-01").status, 401);
  auto journal = request(port, "GET", "/_admin/journal");
  EXPECT_EQ(Poco::JSON::Parser().parse(journal.body).extract<Poco::JSON::Array::Ptr>()->size(), 1u)
      << "the contrast to --no-journal: " << journal.body;
  EXPECT_EQ(emulator.stop(), 0);
}

TEST(EmulatorCommandLine, ASeedTemplateAzureWouldRefuseStopsTheStartWithOneLine) {
  Poco::TemporaryFile seed, ready;
  std::string bad = kSeed;
  bad.replace(bad.find("\"greeting\": {\"jobInputType\""), std::strlen("\"greeting\""), "\"salutation\"");
  std::ofstream(seed.path()) << bad;
  EmulatorProcess emulator({"--http", "--ready-file", ready.path(), "--seed", seed.path()});
  EXPECT_FALSE(emulator.waitForFile(ready.path()));
  EXPECT_EQ(emulator.wait(), 2);
  const std::string err = emulator.err();
  EXPECT_EQ(err.rfind("azureml-emulator: seed '" + seed.path() +
                          "': template 'cli-seeded-template' would be "
                          "refused by Azure ML (InputNotFound)",
                      0),
            0u)
      << err;
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "one line:\n" << err;
  EXPECT_FALSE(std::filesystem::exists(ready.path()));
}

TEST(EmulatorCommandLine, BadFlagsAreRefusedWithExit2) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--http", "--fault", "jobs.get:teapot"},
        std::vector<std::string>{"--http", "--client", "no-colons"},
        std::vector<std::string>{"--http", "--generate-jobs", "many"},
        std::vector<std::string>{"--http", "--seed", "/nonexistent/seed.json"},
        std::vector<std::string>{"--no-such-flag"}}) {
    EmulatorProcess emulator(args);
    EXPECT_EQ(emulator.wait(), 2) << args.back();
    const std::string err = emulator.err();
    EXPECT_EQ(err.rfind("azureml-emulator: ", 0), 0u) << err;
    EXPECT_EQ(err.find('\n'), err.size() - 1) << "one line:\n" << err;
  }
}

}  // namespace
