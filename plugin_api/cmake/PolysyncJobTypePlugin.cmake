# polysync_jobtype_plugin(<target> [MANIFEST <file.json>]): makes a MODULE library a polysync_jobtype_v1
# plugin that exports exactly one symbol, polysync_jobtype_v1_entry (ABI-GUIDE.md rule 1):
#   - hidden visibility for C and C++, inline functions included;
#   - the linker version script (global: polysync_jobtype_v1_entry; local: *) so nothing else is exported;
#   - --exclude-libs,ALL so symbols of static libraries (Poco, libstdc++ pieces) never leak;
#   - -z defs so a missing symbol fails the link instead of the host's dlopen();
#   - no "lib" prefix: the manifest names the file;
#   - with MANIFEST, the manifest is generated beside the library from the plugin's own descriptor (see
#     polysync_jobtype_manifest() below), never kept by hand.
# Used in-tree (plugin_api/CMakeLists.txt includes it) and by the installed package config, so an
# out-of-tree plugin is linked exactly like ours. Needs POLYSYNC_JOBTYPE_VERSION_SCRIPT set.
function(polysync_jobtype_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MANIFEST" "")
  if(NOT POLYSYNC_JOBTYPE_VERSION_SCRIPT)
    message(FATAL_ERROR "polysync_jobtype_plugin: POLYSYNC_JOBTYPE_VERSION_SCRIPT is not set")
  endif()
  set_target_properties(${target} PROPERTIES C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden
                                             VISIBILITY_INLINES_HIDDEN ON PREFIX "")
  target_link_libraries(${target} PRIVATE PolysyncJobType::api)
  target_link_options(${target} PRIVATE "LINKER:--version-script=${POLYSYNC_JOBTYPE_VERSION_SCRIPT}"
                                        "LINKER:--exclude-libs,ALL" "LINKER:-z,defs")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${POLYSYNC_JOBTYPE_VERSION_SCRIPT}")
  if(arg_MANIFEST)
    polysync_jobtype_manifest(${target} ${arg_MANIFEST})
  endif()
endfunction()

# polysync_jobtype_manifest(<target> <file.json>): after <target> (a plugin library) is built, loads it with the
# small generator polysync_jobtype_manifest (built here from polysync_jobtype_manifest.c, C or C++ as the
# project enables, needing only libdl), reads its entry and job types through the ABI and writes
# <file.json> beside the library. The manifest is a custom target of its own (<target>_manifest, built by
# default), so it may be called from any directory; depend on <target>_manifest where the manifest is read.
function(polysync_jobtype_manifest target file)
  if(NOT TARGET polysync_jobtype_manifest)
    set(_source ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/polysync_jobtype_manifest.c)
    add_executable(polysync_jobtype_manifest ${_source})
    get_property(_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
    if(NOT "C" IN_LIST _languages)
      set_source_files_properties(${_source} PROPERTIES LANGUAGE CXX)
    endif()
    target_link_libraries(polysync_jobtype_manifest PRIVATE PolysyncJobType::api ${CMAKE_DL_LIBS})
  endif()
  get_target_property(_dir ${target} LIBRARY_OUTPUT_DIRECTORY)
  if(NOT _dir)
    get_target_property(_dir ${target} BINARY_DIR)
  endif()
  add_custom_command(OUTPUT ${_dir}/${file}
                     COMMAND polysync_jobtype_manifest $<TARGET_FILE:${target}> ${_dir}/${file}
                     DEPENDS ${target} polysync_jobtype_manifest
                     COMMENT "Generating ${file} from the descriptor of ${target}" VERBATIM)
  add_custom_target(${target}_manifest ALL DEPENDS ${_dir}/${file})
endfunction()
