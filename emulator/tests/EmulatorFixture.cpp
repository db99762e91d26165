#include "EmulatorFixture.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/Thread.h>
#include <Poco/URI.h>

#include <sstream>

namespace azureml_emulator::testing {

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(Poco::toLower(name));
  return it == headers.end() ? "" : it->second;
}

Poco::JSON::Object::Ptr HttpResult::json() const {
  try {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    ADD_FAILURE() << "response is not a JSON object: " << e.displayText() << "\n" << body.substr(0, 300);
    return new Poco::JSON::Object;
  }
}

HttpResult send(const Emulator& emulator, const std::string& method, const std::string& pathAndQuery,
                const std::string& body, const Headers& headers, const std::string& contentType) {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  if (emulator.options().https) {
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::TLS_CLIENT_USE, "", "", emulator.caCertPath(), Poco::Net::Context::VERIFY_STRICT);
    session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", emulator.port(), context);
  } else {
    session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", emulator.port());
  }
  session->setTimeout(Poco::Timespan(20, 0));
  Poco::Net::HTTPRequest request(method, pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty() || method == "PUT" || method == "POST") {
    request.setContentType(contentType);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  session->sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session->receiveResponse(response);
  HttpResult result;
  result.status = static_cast<int>(response.getStatus());
  result.contentType = response.getContentType();
  for (const auto& [name, value] : response) result.headers[Poco::toLower(name)] = value;
  Poco::StreamCopier::copyToString(in, result.body);
  return result;
}

EmulatorOptions EmulatorTest::makeOptions() {
  EmulatorOptions options;
  options.https = false;
  options.stepMillis = 20;
  return options;
}

void EmulatorTest::SetUp() {
  emulator = std::make_unique<Emulator>(makeOptions());
  emulator->start();
}

void EmulatorTest::TearDown() { emulator.reset(); }

std::string EmulatorTest::armToken() {
  if (armToken_.empty()) armToken_ = emulator->mintToken("https://management.azure.com");
  return armToken_;
}

std::string EmulatorTest::mlToken() { return emulator->mintToken("https://ml.azure.com"); }

Headers EmulatorTest::armHeaders() { return {{"Authorization", "Bearer " + armToken()}}; }

std::string EmulatorTest::jobsPath(const std::string& job) const {
  return emulator->workspaceArmId() + "/jobs" + (job.empty() ? "" : "/" + job);
}

std::string EmulatorTest::jobUrl(const std::string& job) const {
  return jobsPath(job) + "?api-version=2024-10-01";
}

HttpResult EmulatorTest::getJob(const std::string& job) {
  return send(*emulator, "GET", jobUrl(job), "", armHeaders());
}

HttpResult EmulatorTest::putJob(const std::string& job, const std::string& body, bool withMlToken) {
  Headers headers = armHeaders();
  if (withMlToken) headers["x-azureml-token"] = mlToken();
  return send(*emulator, "PUT", jobUrl(job), body, headers);
}

std::string EmulatorTest::templateProperties(const std::string& templateName) {
  auto result = getJob(templateName);
  EXPECT_EQ(result.status, 200) << result.body;
  auto properties = result.json()->getObject("properties");
  // A client cloning a template sends no read-only or server-filled fields.
  for (const char* field : {"status", "services"}) properties->remove(field);
  std::ostringstream out;
  properties->stringify(out);
  return out.str();
}

std::string EmulatorTest::runBodyFrom(const std::string& templateName) {
  return "{\"properties\":" + templateProperties(templateName) + "}";
}

std::string EmulatorTest::waitForStatus(const std::string& job,
                                        const std::function<bool(const std::string&)>& predicate) {
  std::string status;
  for (int i = 0; i < 1000; ++i) {
    status = emulator->workspace().status(job).value_or("");
    if (predicate(status)) return status;
    Poco::Thread::sleep(10);
  }
  return status;
}

}  // namespace azureml_emulator::testing
