#include "arm/http/HttpPipeline.h"

#include "arm/http/Log.h"
#include "arm/http/Redactor.h"

namespace aifoundry::arm {

void log(const LogSink& sink, LogLevel level, const std::string& text) {
    if (sink.enabled(level)) sink(level, Redactor::redact(text));
}

HttpPipeline::HttpPipeline(std::vector<std::shared_ptr<HttpPolicy>> policies, std::shared_ptr<HttpTransport> transport)
    : policies_(std::move(policies)), transport_(std::move(transport)) {}

HttpResponse HttpPipeline::send(HttpRequest request, const CallControl& control) const {
    return sendFrom(0, request, control);
}

HttpResponse HttpPipeline::sendFrom(std::size_t index, HttpRequest& request, const CallControl& control) const {
    if (index == policies_.size()) return transport_->send(request, control);
    return policies_[index]->send(request, control, [this, index](HttpRequest& r, const CallControl& c) {
        return sendFrom(index + 1, r, c);
    });
}

}  // namespace aifoundry::arm
