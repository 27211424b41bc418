import path from 'node:path';
import { Project } from './project.js';
import { type ProjectSetup, loadProjectSetup } from './project-setup.js';
import type { PiiguardSettings } from './protocol.js';

/**
 * The projects of a session: one per workspace folder, plus one per directory of files opened
 * outside every folder (those are analysed with what they import, without loading their folder).
 */
export class Projects {
  private readonly folders = new Map<string, Project>();
  private readonly loose = new Map<string, Project>();

  constructor(
    private readonly settingsFor: (folder: string) => PiiguardSettings,
    private readonly trusted: boolean,
  ) {}

  /** Sets the workspace folders; returns the projects that are new. */
  setFolders(folders: readonly string[]): Project[] {
    const wanted = new Set(folders.map((f) => path.resolve(f)));
    for (const folder of [...this.folders.keys()]) if (!wanted.has(folder)) this.folders.delete(folder);
    const added: Project[] = [];
    for (const folder of wanted) {
      if (this.folders.has(folder)) continue;
      const project = new Project(folder, this.setupFor(folder), true);
      this.folders.set(folder, project);
      added.push(project);
    }
    return added;
  }

  /** The project a file belongs to: the innermost workspace folder holding it, or its own directory. */
  forFile(file: string): Project {
    let best: Project | undefined;
    for (const project of this.folders.values()) {
      if (project.contains(file) && (!best || project.folder.length > best.folder.length)) best = project;
    }
    if (best) return best;
    const dir = path.dirname(file);
    let project = this.loose.get(dir);
    if (!project) {
      project = new Project(dir, this.setupFor(dir), false);
      this.loose.set(dir, project);
    }
    return project;
  }

  workspaceProjects(): Project[] {
    return [...this.folders.values()];
  }

  all(): Project[] {
    return [...this.folders.values(), ...this.loose.values()];
  }

  /**
   * Re-reads settings and configuration files. A project keeps its program (and parsed files) unless
   * its compiler options or file selection changed; returns the projects that were replaced.
   */
  reconfigure(): { replaced: Project[] } {
    const replaced: Project[] = [];
    for (const map of [this.folders, this.loose]) {
      for (const [key, project] of map) {
        const next = Project.reconfigured(project, this.setupFor(project.folder));
        if (next !== project) {
          map.set(key, next);
          replaced.push(next);
        }
      }
    }
    return { replaced };
  }

  private setupFor(folder: string): ProjectSetup {
    return loadProjectSetup(folder, this.settingsFor(folder), this.trusted);
  }
}
