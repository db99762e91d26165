#include "http/HttpPipeline.h"

#include "http/Log.h"
#include "http/Redactor.h"

namespace aifoundry::http {

void log(const LogSink& sink, LogLevel level, const std::string& text) {
  if (sink.enabled(level)) sink(level, Redactor::redact(text));
}

HttpPipeline::HttpPipeline(std::vector<std::shared_ptr<HttpPolicy>> policies,
                           std::shared_ptr<HttpTransport> transport)
    : policies_(std::move(policies)), transport_(std::move(transport)) {}

HttpResponse HttpPipeline::send(HttpRequest request, const CallControl& control) const {
  return sendFrom(0, request, control);
}

HttpResponse HttpPipeline::sendFrom(std::size_t index, HttpRequest& request,
                                    const CallControl& control) const {
  if (index == policies_.size()) return transport_->send(request, control);
  return policies_[index]->send(request, control, [this, index](HttpRequest& r, const CallControl& c) {
    return sendFrom(index + 1, r, c);
  });
}

}  // namespace aifoundry::http
