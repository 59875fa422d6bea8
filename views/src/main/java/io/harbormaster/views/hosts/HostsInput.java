package io.harbormaster.views.hosts;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * What the mouse, trackpad and keyboard do on the hosts canvas: drag or scroll to pan, Ctrl+scroll, pinch or +/- to
 * zoom, 0 to fit, Home for the top at 100%; hover for a host's or task's details (again after a scroll, for what
 * is under the pointer then); click a host or a task block to pick it (and light up the task's service), the
 * context menu on a block for what can be done to its task; Escape clears.
 */
final class HostsInput {

    private static final double DRAG_SLOP = 3;
    private static final double KEY_STEP = 80;

    private final HostsCanvas canvas;
    private final HostsViewModel viewModel;
    private final Label tip;
    private final ContextMenu menu;
    private double pressX;
    private double pressY;
    private boolean dragged;

    /**
     * Takes the canvas's mouse, scroll, zoom and key events; {@code tip} is the canvas's hover label, {@code menu}
     * what a task block's context menu offers.
     */
    HostsInput(HostsCanvas canvas, HostsViewModel viewModel, Label tip, ContextMenu menu) {
        this.canvas = canvas;
        this.viewModel = viewModel;
        this.tip = tip;
        this.menu = menu;
        canvas.setOnContextMenuRequested(this::menuRequested);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnZoom(e -> {
            canvas.zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            hover(e.getX(), e.getY());
        });
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragged = false;
            canvas.requestFocus();
        });
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> tip.setVisible(false));
        canvas.setOnKeyPressed(this::key);
    }

    private void scrolled(ScrollEvent e) {
        if (e.isControlDown() || e.isShortcutDown()) {
            canvas.zoomAt(Math.exp(e.getDeltaY() / 300), e.getX(), e.getY());
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            canvas.pan(e.getDeltaY(), 0);
        } else {
            canvas.pan(e.getDeltaX(), e.getDeltaY());
        }
        hover(e.getX(), e.getY()); // what is under the pointer now, not what was before the scroll
        e.consume();
    }

    private void dragged(MouseEvent e) {
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        if (dragged || Math.abs(dx) + Math.abs(dy) > DRAG_SLOP) {
            dragged = true;
            pressX = e.getX();
            pressY = e.getY();
            tip.setVisible(false);
            canvas.pan(dx, dy);
        }
    }

    /** A click picks the host under the pointer (its detail shows) and the task block hit, lighting its service. */
    private void released(MouseEvent e) {
        HostLayout.Hit hit = dragged || e.getButton() != MouseButton.PRIMARY ? null : canvas.hitAt(e.getX(), e.getY());
        if (hit == null) {
            return;
        }
        viewModel.detail().pick(hit);
        if (hit.task() >= 0) {
            viewModel.highlight(viewModel.serviceAt(hit));
        }
    }

    /** The task menu (Stop task…) on a task block, that block picked first; none elsewhere. */
    private void menuRequested(ContextMenuEvent e) {
        HostLayout.Hit hit = canvas.hitAt(e.getX(), e.getY());
        if (hit != null && hit.task() >= 0 && !menu.getItems().isEmpty()) {
            viewModel.detail().pick(hit);
            tip.setVisible(false);
            menu.show(canvas, e.getScreenX(), e.getScreenY());
        }
        e.consume();
    }

    private void hover(double px, double py) {
        String text = viewModel.describe(canvas.hitAt(px, py));
        if (text.isEmpty()) {
            tip.setVisible(false);
            return;
        }
        tip.setText(text);
        tip.autosize();
        double x = px + 16 + tip.getWidth() > canvas.getWidth() ? Math.max(0, px - tip.getWidth() - 8) : px + 16;
        double y = py + 16 + tip.getHeight() > canvas.getHeight() ? Math.max(0, py - tip.getHeight() - 8) : py + 16;
        tip.relocate(x, y);
        tip.setVisible(true);
    }

    private void key(KeyEvent e) {
        double h = canvas.getHeight();
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> canvas.zoomBy(1.25);
            case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
            case DIGIT0, NUMPAD0 -> canvas.fit();
            case HOME -> canvas.reset();
            case LEFT -> canvas.pan(KEY_STEP, 0);
            case RIGHT -> canvas.pan(-KEY_STEP, 0);
            case UP -> canvas.pan(0, KEY_STEP);
            case DOWN -> canvas.pan(0, -KEY_STEP);
            case PAGE_UP -> canvas.pan(0, h * 0.9);
            case PAGE_DOWN -> canvas.pan(0, -h * 0.9);
            case ESCAPE -> {
                viewModel.highlight(null);
                viewModel.detail().close();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
