# Sanitizers apply to every target, so the plugin, the host that loads it and the tests agree on the runtime.
if(POLYSYNC_SANITIZE)
  message(STATUS "Sanitizers: ${POLYSYNC_SANITIZE}")
  add_compile_options(-fsanitize=${POLYSYNC_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${POLYSYNC_SANITIZE})
endif()
