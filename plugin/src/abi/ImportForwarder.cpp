#include "abi/ImportForwarder.h"

#include "abi/ResultWriter.h"

namespace aifoundry::abi {

ImportForwarder::ImportForwarder(const psj_import_sink* sink) : gate_(std::make_shared<Gate>()) {
  gate_->sink = sink;
}

core::ImportEmitter ImportForwarder::emitter() const {
  std::shared_ptr<Gate> gate = gate_;
  return [gate](const core::ImportedJob& job) {
    std::lock_guard<std::mutex> lock(gate->mutex);
    if (!gate->open) return false;
    if (writeImportedJob(gate->sink, job) != 0) gate->open = false;  // the host wants no more
    return gate->open;
  };
}

void ImportForwarder::close() noexcept {
  std::lock_guard<std::mutex> lock(gate_->mutex);
  gate_->open = false;
}

}  // namespace aifoundry::abi
