"""LAMB optimizer (You et al. 2019, "Large Batch Optimization for Deep Learning"), with ktorch's
option set: lr beta1 beta2 eps decay unbiased globalnorm trustclip trustmin trustmax.

torch has no Lamb; this follows the reference formulation used by ktorch (after timm/apex):

- globalnorm: gradients are first divided by max(1, global L2 norm of all gradients);
- Adam moments m, v (bias corrected when `unbiased`);
- update u = m_hat / (sqrt(v_hat) + eps) + decay * p;
- trust ratio r = |p| / |u| (1 when either norm is 0), clamped to [trustmin, trustmax] when
  `trustclip`;
- p -= lr * r * u.
"""
from __future__ import annotations

import torch

from ..averaging.nograd import no_grad


class Lamb(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 unbiased=True, globalnorm=True, trustclip=True, trustmin=0.0, trustmax=1.0):
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if eps < 0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        for b in betas:
            if not 0.0 <= b < 1.0:
                raise ValueError(f"Invalid beta parameter: {b}")
        if trustclip and trustmin > trustmax:
            raise ValueError(f"Invalid trust range: {trustmin} > {trustmax}")
        defaults = dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay,
                        unbiased=unbiased, globalnorm=globalnorm, trustclip=trustclip,
                        trustmin=trustmin, trustmax=trustmax)
        super().__init__(params, defaults)

    @no_grad
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        grads_all = [p.grad for g in self.param_groups for p in g["params"] if p.grad is not None]
        if not grads_all:
            return loss
        scale = None
        if any(g["globalnorm"] for g in self.param_groups):
            norms = torch._foreach_norm(grads_all) if hasattr(torch, "_foreach_norm") \
                else [t.norm() for t in grads_all]
            gn = torch.linalg.vector_norm(torch.stack([n.to(norms[0].device) for n in norms]))
            scale = torch.clamp(gn, min=1.0)
        for g in self.param_groups:
            b1, b2 = g["betas"]
            lr, eps, wd = g["lr"], g["eps"], g["weight_decay"]
            for p in g["params"]:
                if p.grad is None:
                    continue
                grad = p.grad
                if grad.is_sparse:
                    raise RuntimeError("Lamb does not support sparse gradients")
                if g["globalnorm"] and scale is not None:
                    grad = grad / scale.to(grad.device)
                st = self.state[p]
                if not st:
                    st["step"] = 0
                    st["exp_avg"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                    st["exp_avg_sq"] = torch.zeros_like(p, memory_format=torch.preserve_format)
                st["step"] += 1
                m, v = st["exp_avg"], st["exp_avg_sq"]
                m.mul_(b1).add_(grad, alpha=1 - b1)
                v.mul_(b2).addcmul_(grad, grad, value=1 - b2)
                if g["unbiased"]:
                    c1 = 1 - b1 ** st["step"]
                    c2 = 1 - b2 ** st["step"]
                else:
                    c1 = c2 = 1.0
                u = (m / c1).div_((v / c2).sqrt_().add_(eps))
                if wd != 0:
                    u.add_(p, alpha=wd)
                wn = torch.linalg.vector_norm(p)
                un = torch.linalg.vector_norm(u)
                one = torch.ones((), device=p.device, dtype=wn.dtype)
                r = torch.where((wn > 0) & (un > 0), wn / un, one)
                if g["trustclip"]:
                    r = r.clamp(g["trustmin"], g["trustmax"])
                p.add_(u * r.to(u.dtype), alpha=-lr)
        return loss
